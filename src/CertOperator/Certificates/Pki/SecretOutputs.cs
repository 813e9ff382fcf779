using System.Text;
using CertOperator.Crds.Certificates;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// The data keys of a Certificate's Secret, as cert-manager writes them: `tls.crt` (leaf + chain), `tls.key`
/// (in `spec.privateKey.encoding`), `ca.crt` when the issuer returned a CA, the additional output formats
/// (`tls-combined.pem` = key then chain; `key.der` = the DER of tls.key) and the PKCS#12 keystores.
/// </summary>
internal static class SecretOutputs
{
    public const string TlsCrt = "tls.crt";
    public const string TlsKey = "tls.key";
    public const string CaCrt = "ca.crt";
    public const string CombinedPem = "tls-combined.pem";
    public const string KeyDer = "key.der";
    public const string Keystore = "keystore.p12";
    public const string Truststore = "truststore.p12";

    /// <param name="pkcs12Password">The password from `keystores.pkcs12.passwordSecretRef`; needed only when that keystore is requested.</param>
    public static PkiResult<SecretData> Build(CertificateSpec spec, string chainPem, string? caPem, string keyPem, byte[]? pkcs12Password)
    {
        var keySpec = PrivateKeySpec.Resolve(spec.PrivateKey);
        if (!keySpec.Ok)
        {
            return keySpec.Error;
        }

        var parsed = PrivateKey.FromPem(keyPem);
        if (!parsed.Ok)
        {
            return parsed.Error;
        }

        using var key = parsed.Value;
        var tlsKey = Encoding.ASCII.GetBytes(key.ToPem(keySpec.Value.Encoding) + "\n");
        var tlsCrt = Encoding.ASCII.GetBytes(chainPem);
        var data = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [TlsCrt] = tlsCrt, [TlsKey] = tlsKey };
        if (!string.IsNullOrEmpty(caPem))
        {
            data[CaCrt] = Encoding.ASCII.GetBytes(caPem);
        }

        foreach (var (format, i) in (spec.AdditionalOutputFormats ?? []).Select((f, i) => (f.Type, i)))
        {
            if (format == "DER")
            {
                data[KeyDer] = key.ToDer(keySpec.Value.Encoding);
            }
            else if (format == "CombinedPEM")
            {
                data[CombinedPem] = [.. tlsKey, (byte)'\n', .. tlsCrt];
            }
            else
            {
                return new PkiError(PkiError.InvalidSpec,
                    $"spec.additionalOutputFormats[{i}].type: \"{format}\" is not an output format; accepted values: DER, CombinedPEM",
                    $"spec.additionalOutputFormats[{i}].type", ["DER", "CombinedPEM"]);
            }
        }

        var warnings = new List<string>();
        if (spec.Keystores?.Jks?.Create == true)
        {
            warnings.Add("spec.keystores.jks: JKS keystores are not supported by this build of CertOperator, so keystore.jks was not written; use spec.keystores.pkcs12");
        }

        var keystoreError = spec.Keystores?.Pkcs12 is { Create: true } pkcs12
            ? AddPkcs12(data, pkcs12, key, chainPem, caPem, pkcs12Password)
            : null;
        return keystoreError is null ? new SecretData(data, warnings) : keystoreError;
    }

    private static PkiError? AddPkcs12(Dictionary<string, byte[]> data, Pkcs12Keystore options, PrivateKey key, string chainPem, string? caPem, byte[]? password)
    {
        var profile = Pkcs12Keystores.Profile(options.Profile);
        if (!profile.Ok)
        {
            return profile.Error;
        }

        if (password is null)
        {
            return new PkiError(PkiError.InvalidKeystore,
                $"{Pkcs12Keystores.Field}.passwordSecretRef: the keystore password Secret entry \"{options.PasswordSecretRef.Name}\"/\"{options.PasswordSecretRef.Key}\" was not found",
                $"{Pkcs12Keystores.Field}.passwordSecretRef");
        }

        var chain = CaKeyPair.LoadCertificates(chainPem);
        var ca = CaKeyPair.LoadCertificates(caPem ?? "") ?? [];
        try
        {
            if (chain is null or [])
            {
                return new PkiError(PkiError.InvalidKeystore, "the signed certificate chain holds no valid PEM CERTIFICATE block");
            }

            data[Keystore] = Pkcs12Keystores.Keystore(key, chain, ca, profile.Value, password);
            if (ca.Count > 0)
            {
                data[Truststore] = Pkcs12Keystores.Truststore(ca, profile.Value, password);
            }

            return null;
        }
        finally
        {
            chain?.ForEach(c => c.Dispose());
            ca.ForEach(c => c.Dispose());
        }
    }
}

/// <summary>The Secret's data keys, and warnings for requested outputs this build cannot write.</summary>
internal sealed record SecretData(IReadOnlyDictionary<string, byte[]> Data, IReadOnlyList<string> Warnings);
