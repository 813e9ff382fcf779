using CertOperator.Acme.Dns01.Providers.Common;
using CertOperator.Acme.Solvers;
using CertOperator.Crds.Acme;
using CertOperator.Infrastructure;
using CertOperator.Kubernetes.Client;

namespace CertOperator.Acme.Dns01.Providers.Route53;

/// <summary>
/// The AWS credentials a `route53` solver calls with, following cert-manager: static keys, else (only when ambient
/// credentials are allowed) the environment's keys or its IRSA web identity token; then `role` is assumed with them.
/// </summary>
internal sealed class AwsCredentialResolver(KubernetesClient kube, AwsHttp aws, OperatorOptions options, Func<string, string?> environment)
{
    private const string Field = "dns01.route53";

    public async Task<AwsCredentials> ResolveAsync(Route53Provider config, DnsChallengeRecord record, CancellationToken ct)
    {
        if (config.Auth is not null)
        {
            throw new SolverConfigurationException(
                $"solver {Field}.auth.kubernetes (ServiceAccount token exchange) is not supported by this operator yet; use IRSA (ambient credentials with AWS_WEB_IDENTITY_TOKEN_FILE), static keys or role");
        }

        var accessKeyId = config.AccessKeyIdSecretRef is { } idRef
            ? await CredentialSecret.ReadAsync(kube, record.SecretNamespace, idRef, $"{Field}.accessKeyIDSecretRef", null, ct)
            : config.AccessKeyId?.Trim() ?? "";
        var secretAccessKey = config.SecretAccessKeySecretRef is { Name.Length: > 0 } secretRef
            ? await CredentialSecret.ReadAsync(kube, record.SecretNamespace, secretRef, $"{Field}.secretAccessKeySecretRef", null, ct)
            : "";

        var sts = Sts(config);
        var credentials = (accessKeyId.Length > 0, secretAccessKey.Length > 0) switch
        {
            (true, true) => new AwsCredentials(accessKeyId, secretAccessKey),
            (false, false) when record.AllowAmbientCredentials => await AmbientAsync(sts, ct),
            (false, false) => throw new SolverConfigurationException(
                $"solver {Field}: no accessKeyID/secretAccessKeySecretRef, and this issuer may not use ambient credentials (see --issuer-ambient-credentials)"),
            _ => throw new SolverConfigurationException(
                $"solver {Field}: set both the access key ID (accessKeyID or accessKeyIDSecretRef) and secretAccessKeySecretRef, or neither"),
        };

        return string.IsNullOrEmpty(config.Role) ? credentials : await CallStsAsync(() => sts.AssumeRoleAsync(credentials, config.Role, ct), config.Role);
    }

    private async Task<AwsCredentials> AmbientAsync(StsClient sts, CancellationToken ct)
    {
        if (environment("AWS_ACCESS_KEY_ID") is { Length: > 0 } id && environment("AWS_SECRET_ACCESS_KEY") is { Length: > 0 } secret)
        {
            return new AwsCredentials(id, secret, environment("AWS_SESSION_TOKEN") is { Length: > 0 } token ? token : null);
        }

        if (environment("AWS_WEB_IDENTITY_TOKEN_FILE") is { Length: > 0 } file && environment("AWS_ROLE_ARN") is { Length: > 0 } role)
        {
            string token;
            try
            {
                token = (await File.ReadAllTextAsync(file, ct)).Trim();
            }
            catch (IOException e)
            {
                throw new DnsProviderException($"route53: reading the web identity token file {file}: {e.Message}", inner: e);
            }

            var session = environment("AWS_ROLE_SESSION_NAME") is { Length: > 0 } name ? name : StsClient.SessionName;
            return await CallStsAsync(() => sts.AssumeRoleWithWebIdentityAsync(role, session, token, ct), role);
        }

        throw new DnsProviderException(
            "route53: no ambient AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE (IRSA), in the operator's environment");
    }

    private static async Task<AwsCredentials> CallStsAsync(Func<Task<AwsCredentials>> call, string role)
    {
        try
        {
            return await call();
        }
        catch (AwsApiException e)
        {
            throw new DnsProviderException($"route53: assuming role {role} failed: {e.Message}", e.IsThrottling ? e.RetryAfter ?? TimeSpan.FromSeconds(10) : null, e);
        }
    }

    private StsClient Sts(Route53Provider config)
    {
        var region = new[] { config.Region, environment("AWS_REGION"), environment("AWS_DEFAULT_REGION") }.FirstOrDefault(r => !string.IsNullOrEmpty(r));
        var publicUri = region is null ? new Uri("https://sts.amazonaws.com/") : new Uri($"https://sts.{region}.amazonaws.com/");
        return new StsClient(aws, options.Dns01Endpoint("route53-sts", publicUri), region ?? "us-east-1");
    }
}
