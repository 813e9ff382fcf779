using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Meta;

namespace CertOperator.Validation;

/// <summary>
/// `spec.acme` as cert-manager checks it, plus what RFC 8555 and the CRD require: an https directory URL,
/// a valid account key Secret name and email, a caBundle with at least one certificate and never together
/// with skipTLSVerify, complete External Account Binding, and well-formed solvers.
/// </summary>
internal static class AcmeIssuerValidation
{
    private const string Path = "spec.acme";
    private const string Exclusive = "caBundle and skipTLSVerify are mutually exclusive and cannot both be set; keep caBundle to trust a private CA";

    public static void Validate(AcmeIssuer acme, List<FieldError> errors)
    {
        ValidateServer(acme.Server, errors);
        if (string.IsNullOrEmpty(acme.PrivateKeySecretRef.Name))
        {
            errors.Add(new($"{Path}.privateKeySecretRef.name", "private key secret name is a required field: name the Secret that holds (or will hold) the ACME account key"));
        }
        else
        {
            KubernetesNameRules.RequireSubdomain(acme.PrivateKeySecretRef.Name, $"{Path}.privateKeySecretRef.name", "ACME account key Secret", errors);
        }

        if (acme.Email is { Length: > 0 } email && AddressRules.EmailProblem(email) is { } emailProblem)
        {
            errors.Add(new($"{Path}.email", $"\"{email}\": {emailProblem}"));
        }

        if (acme.CaBundle is { Length: > 0 } bundle)
        {
            if (acme.SkipTLSVerify == true)
            {
                errors.Add(new($"{Path}.caBundle", Exclusive));
                errors.Add(new($"{Path}.skipTLSVerify", Exclusive));
            }

            if (CaBundleProblem(bundle) is { } problem)
            {
                errors.Add(new($"{Path}.caBundle", problem));
            }
        }

        if (acme.PreferredChain is { Length: > 64 })
        {
            errors.Add(new($"{Path}.preferredChain", "may not be more than 64 characters: give the issuer CN of the chain's top certificate, e.g. \"ISRG Root X1\""));
        }

        ValidateExternalAccountBinding(acme.ExternalAccountBinding, errors);
        var solvers = acme.Solvers ?? [];
        for (var i = 0; i < solvers.Count; i++)
        {
            AcmeSolverValidation.Validate(solvers[i], $"{Path}.solvers[{i}]", errors);
        }
    }

    /// <summary>cert-manager's name and key checks for a Secret reference that both must be set on.</summary>
    public static void RequireSecretKey(SecretKeySelector? selector, string path, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(selector?.Name))
        {
            errors.Add(new($"{path}.name", "secret name is required"));
        }

        if (string.IsNullOrEmpty(selector?.Key))
        {
            errors.Add(new($"{path}.key", "secret key is required"));
        }
    }

    private static void ValidateServer(string server, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(server))
        {
            errors.Add(new($"{Path}.server", "acme server URL is a required field, e.g. https://acme-v02.api.letsencrypt.org/directory"));
        }
        else if (!AddressRules.IsAbsoluteUri(server) || !Uri.TryCreate(server, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            errors.Add(new($"{Path}.server", $"\"{server}\" is not a URL; give the ACME directory URL, e.g. https://acme-v02.api.letsencrypt.org/directory"));
        }
        else if (uri.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add(new($"{Path}.server", $"\"{server}\" must use https: ACME servers are reached over HTTPS only (RFC 8555 section 6.1); write https://{uri.Authority}{uri.PathAndQuery}"));
        }
    }

    private static void ValidateExternalAccountBinding(AcmeExternalAccountBinding? eab, List<FieldError> errors)
    {
        if (eab is null)
        {
            return;
        }

        if (string.IsNullOrEmpty(eab.KeyId))
        {
            errors.Add(new($"{Path}.externalAccountBinding.keyID", "the keyID field is required when using externalAccountBinding"));
        }

        RequireSecretKey(eab.KeySecretRef, $"{Path}.externalAccountBinding.keySecretRef", errors);
        if (eab.KeyAlgorithm is { Length: > 0 } algorithm && algorithm is not ("HS256" or "HS384" or "HS512"))
        {
            errors.Add(new($"{Path}.externalAccountBinding.keyAlgorithm", $"Unsupported value: \"{algorithm}\": supported values: \"HS256\", \"HS384\", \"HS512\" (the field is deprecated; remove it)"));
        }
    }

    /// <summary>Null when the base64 text decodes to PEM with at least one certificate.</summary>
    private static string? CaBundleProblem(string bundle)
    {
        var bytes = new byte[bundle.Length];
        if (!Convert.TryFromBase64String(bundle, bytes, out var length))
        {
            return "is not base64: give the base64 of a PEM bundle of CA certificates";
        }

        try
        {
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPem(Encoding.ASCII.GetString(bytes, 0, length));
            var count = certificates.Count;
            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }

            return count > 0 ? null : "cert bundle didn't contain any valid certificates; give PEM \"BEGIN CERTIFICATE\" blocks";
        }
        catch (CryptographicException)
        {
            return "cert bundle didn't contain any valid certificates; give PEM \"BEGIN CERTIFICATE\" blocks";
        }
    }
}
