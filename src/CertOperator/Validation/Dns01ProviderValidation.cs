using CertOperator.Crds.Acme;

namespace CertOperator.Validation;

/// <summary>
/// A `dns01` solver: a known CNAME strategy and exactly one provider, each with the fields cert-manager
/// requires (validation/issuer.go ValidateACMEChallengeSolverDNS01).
/// </summary>
internal static class Dns01ProviderValidation
{
    private static readonly string[] TsigAlgorithms = ["HMACMD5", "HMACSHA1", "HMACSHA256", "HMACSHA512"];
    private static readonly string[] AzureEnvironments = ["AzurePublicCloud", "AzureChinaCloud", "AzureGermanCloud", "AzureUSGovernmentCloud"];
    private static readonly string[] AzureZoneTypes = ["AzurePublicZone", "AzurePrivateZone"];

    public static void Validate(AcmeChallengeSolverDns01 dns01, string path, List<FieldError> errors)
    {
        if (dns01.CnameStrategy is { Length: > 0 } strategy && strategy is not ("None" or "Follow"))
        {
            errors.Add(new($"{path}.cnameStrategy", $"\"{strategy}\": must be one of \"None\" or \"Follow\""));
        }

        var providers = new (string Field, object? Config, Action<string> Check)[]
        {
            ("akamai", dns01.Akamai, p => Akamai(dns01.Akamai!, p, errors)),
            ("azureDNS", dns01.AzureDns, p => Azure(dns01.AzureDns!, p, errors)),
            ("cloudDNS", dns01.CloudDns, p => CloudDns(dns01.CloudDns!, p, errors)),
            ("cloudflare", dns01.Cloudflare, p => Cloudflare(dns01.Cloudflare!, p, errors)),
            ("route53", dns01.Route53, p => Route53(dns01.Route53!, p, errors)),
            ("acmeDNS", dns01.AcmeDns, p => AcmeDns(dns01.AcmeDns!, p, errors)),
            ("digitalocean", dns01.DigitalOcean, p => AcmeIssuerValidation.RequireSecretKey(dns01.DigitalOcean!.TokenSecretRef, $"{p}.tokenSecretRef", errors)),
            ("rfc2136", dns01.Rfc2136, p => Rfc2136(dns01.Rfc2136!, p, errors)),
            ("webhook", dns01.Webhook, p => Webhook(dns01.Webhook!, p, errors)),
        };
        var configured = 0;
        foreach (var (field, config, check) in providers.Where(p => p.Config is not null))
        {
            if (++configured > 1)
            {
                errors.Add(new($"{path}.{field}", "may not specify more than one provider type; use one solver per provider"));
                continue;
            }

            check($"{path}.{field}");
        }

        if (configured == 0)
        {
            errors.Add(new(path, "no DNS01 provider configured: set one of rfc2136, cloudflare, route53, cloudDNS, azureDNS, digitalocean, akamai, acmeDNS or webhook"));
        }
    }

    private static void Rfc2136(Rfc2136Provider rfc2136, string path, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(rfc2136.Nameserver))
        {
            errors.Add(new($"{path}.nameserver", "must be specified: the authoritative DNS server, e.g. 10.0.0.53 or [2001:db8::53]:53"));
        }
        else if (NameserverRules.Normalize(rfc2136.Nameserver) is null)
        {
            errors.Add(new($"{path}.nameserver", $"\"{rfc2136.Nameserver}\": {NameserverRules.Form}"));
        }

        if (rfc2136.TsigAlgorithm is { Length: > 0 } algorithm && !TsigAlgorithms.Contains(algorithm.ToUpperInvariant()))
        {
            errors.Add(new($"{path}.tsigAlgorithm", $"Unsupported value: \"{algorithm}\": supported values: {string.Join(", ", TsigAlgorithms.Select(a => $"\"{a}\""))}"));
        }

        var secretSet = !string.IsNullOrEmpty(rfc2136.TsigSecretSecretRef?.Name) && !string.IsNullOrEmpty(rfc2136.TsigSecretSecretRef?.Key);
        if (!string.IsNullOrEmpty(rfc2136.TsigKeyName))
        {
            AcmeIssuerValidation.RequireSecretKey(rfc2136.TsigSecretSecretRef, $"{path}.tsigSecretSecretRef", errors);
        }
        else if (secretSet)
        {
            errors.Add(new($"{path}.tsigKeyName", "must be specified when tsigSecretSecretRef is set: name the TSIG key the secret belongs to"));
        }
    }

    private static void Cloudflare(CloudflareProvider cloudflare, string path, List<FieldError> errors)
    {
        if (cloudflare.ApiKeySecretRef is { } key)
        {
            AcmeIssuerValidation.RequireSecretKey(key, $"{path}.apiKeySecretRef", errors);
        }

        if (cloudflare.ApiTokenSecretRef is { } token)
        {
            AcmeIssuerValidation.RequireSecretKey(token, $"{path}.apiTokenSecretRef", errors);
        }

        if (cloudflare.ApiKeySecretRef is not null && cloudflare.ApiTokenSecretRef is not null)
        {
            errors.Add(new(path, "apiKeySecretRef and apiTokenSecretRef cannot both be specified; prefer apiTokenSecretRef"));
        }

        if (cloudflare.ApiKeySecretRef is null && cloudflare.ApiTokenSecretRef is null)
        {
            errors.Add(new(path, "apiKeySecretRef or apiTokenSecretRef is required"));
        }

        if (cloudflare.ApiKeySecretRef is not null && string.IsNullOrEmpty(cloudflare.Email))
        {
            errors.Add(new($"{path}.email", "must be specified with apiKeySecretRef: the Cloudflare account email"));
        }
    }

    private static void Route53(Route53Provider route53, string path, List<FieldError> errors)
    {
        if (!string.IsNullOrEmpty(route53.AccessKeyId) && route53.AccessKeyIdSecretRef is not null)
        {
            errors.Add(new(path, "accessKeyID and accessKeyIDSecretRef cannot both be specified"));
        }

        if (route53.AccessKeyIdSecretRef is { } secretRef)
        {
            AcmeIssuerValidation.RequireSecretKey(secretRef, $"{path}.accessKeyIDSecretRef", errors);
        }
    }

    private static void CloudDns(CloudDnsProvider cloudDns, string path, List<FieldError> errors)
    {
        if (cloudDns.ServiceAccountSecretRef is { } account)
        {
            AcmeIssuerValidation.RequireSecretKey(account, $"{path}.serviceAccountSecretRef", errors);
        }

        Required(cloudDns.Project, $"{path}.project", "the Google Cloud project", errors);
    }

    private static void Akamai(AkamaiProvider akamai, string path, List<FieldError> errors)
    {
        AcmeIssuerValidation.RequireSecretKey(akamai.AccessTokenSecretRef, $"{path}.accessTokenSecretRef", errors);
        AcmeIssuerValidation.RequireSecretKey(akamai.ClientSecretSecretRef, $"{path}.clientSecretSecretRef", errors);
        AcmeIssuerValidation.RequireSecretKey(akamai.ClientTokenSecretRef, $"{path}.clientTokenSecretRef", errors);
        Required(akamai.ServiceConsumerDomain, $"{path}.serviceConsumerDomain", "the Akamai service consumer domain", errors);
    }

    private static void AcmeDns(AcmeDnsProvider acmeDns, string path, List<FieldError> errors)
    {
        AcmeIssuerValidation.RequireSecretKey(acmeDns.AccountSecretRef, $"{path}.accountSecretRef", errors);
        Required(acmeDns.Host, $"{path}.host", "the acme-dns server URL", errors);
    }

    private static void Webhook(WebhookProvider webhook, string path, List<FieldError> errors)
    {
        Required(webhook.GroupName, $"{path}.groupName", "the API group of the webhook solver", errors);
        if (string.IsNullOrEmpty(webhook.SolverName))
        {
            errors.Add(new($"{path}.solverName", "solver name must be specified"));
        }
    }

    private static void Azure(AzureDnsProvider azure, string path, List<FieldError> errors)
    {
        if (!string.IsNullOrEmpty(azure.ClientId) || !string.IsNullOrEmpty(azure.TenantId) || azure.ClientSecretSecretRef is not null)
        {
            Required(azure.ClientId, $"{path}.clientID", "the service principal's client ID", errors);
            if (azure.ClientSecretSecretRef is null)
            {
                errors.Add(new($"{path}.clientSecretSecretRef", "must be specified with clientID and tenantID"));
            }
            else
            {
                AcmeIssuerValidation.RequireSecretKey(azure.ClientSecretSecretRef, $"{path}.clientSecretSecretRef", errors);
            }

            Required(azure.TenantId, $"{path}.tenantID", "the service principal's tenant ID", errors);
            if (azure.ManagedIdentity is not null)
            {
                errors.Add(new($"{path}.managedIdentity", "managed identity cannot be used at the same time as clientID, clientSecretSecretRef or tenantID"));
            }
        }
        else if (azure.ManagedIdentity is { } identity)
        {
            if (!string.IsNullOrEmpty(identity.ClientId) && !string.IsNullOrEmpty(identity.ResourceId))
            {
                errors.Add(new($"{path}.managedIdentity", "managedIdentityClientID and managedIdentityResourceID cannot both be specified"));
            }

            if (!string.IsNullOrEmpty(identity.TenantId) && !string.IsNullOrEmpty(identity.ResourceId))
            {
                errors.Add(new($"{path}.managedIdentity", "managedIdentityTenantID and managedIdentityResourceID cannot both be specified"));
            }

            if (!string.IsNullOrEmpty(identity.TenantId) && string.IsNullOrEmpty(identity.ClientId))
            {
                errors.Add(new($"{path}.managedIdentity", "managedIdentityClientID is required when using managedIdentityTenantID"));
            }
        }

        Required(azure.SubscriptionId, $"{path}.subscriptionID", "the Azure subscription ID", errors);
        Required(azure.ResourceGroupName, $"{path}.resourceGroupName", "the resource group of the DNS zone", errors);
        if (azure.Environment is { Length: > 0 } environment && !AzureEnvironments.Contains(environment))
        {
            errors.Add(new($"{path}.environment", $"\"{environment}\": must be either empty or one of {string.Join(", ", AzureEnvironments)}"));
        }

        if (azure.ZoneType is { Length: > 0 } zoneType && !AzureZoneTypes.Contains(zoneType))
        {
            errors.Add(new($"{path}.zoneType", $"\"{zoneType}\": must be either empty or one of {string.Join(", ", AzureZoneTypes)}"));
        }
    }

    private static void Required(string? value, string path, string what, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(new(path, $"must be specified: {what}"));
        }
    }
}
