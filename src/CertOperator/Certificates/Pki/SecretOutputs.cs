using System.Text;
using CertOperator.Crds.Certificates;

namespace CertOperator.Certificates.Pki;

/// <summary>
/// The data keys of a Certificate's Secret, as cert-manager writes them: `tls.crt` (leaf + chain), `tls.key`
/// (in `spec.privateKey.encoding`), `ca.crt` when the issuer returned a CA, the additional output formats
/// (`tls-combined.pem` = key then chain; `key.der` = the DER of tls.key) and the keystores.
/// </summary>
internal static class SecretOutputs
{
    public const string TlsCrt = "tls.crt";
    public const string TlsKey = "tls.key";
    public const string CaCrt = "ca.crt";
    public const string CombinedPem = "tls-combined.pem";
    public const string KeyDer = "key.der";
    public const string Keystore = KeystoreOutputs.Pkcs12Keystore;
    public const string Truststore = KeystoreOutputs.Pkcs12Truststore;
    public const string JksKeystore = KeystoreOutputs.JksKeystore;
    public const string JksTruststore = KeystoreOutputs.JksTruststore;

    /// <param name="pkcs12Password">The password from `keystores.pkcs12.passwordSecretRef`; needed only when that keystore is requested.</param>
    /// <param name="jksPassword">The password from `keystores.jks.passwordSecretRef`; needed only when that keystore is requested.</param>
    public static PkiResult<SecretData> Build(CertificateSpec spec, string chainPem, string? caPem, string keyPem, byte[]? pkcs12Password, byte[]? jksPassword = null)
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

        var formatError = AddFormats(data, spec.AdditionalOutputFormats, key, keySpec.Value.Encoding);
        var warnings = new List<string>();
        var error = formatError ?? KeystoreOutputs.Add(data, spec.Keystores, key, chainPem, caPem, new(pkcs12Password, jksPassword), warnings);
        return error is null ? new SecretData(data, warnings) : error;
    }

    private static PkiError? AddFormats(Dictionary<string, byte[]> data, List<CertificateAdditionalOutputFormat>? formats, PrivateKey key, KeyEncoding encoding)
    {
        foreach (var (format, i) in (formats ?? []).Select((f, i) => (f.Type, i)))
        {
            if (format == "DER")
            {
                data[KeyDer] = key.ToDer(encoding);
            }
            else if (format == "CombinedPEM")
            {
                data[CombinedPem] = [.. data[TlsKey], (byte)'\n', .. data[TlsCrt]];
            }
            else
            {
                return new PkiError(PkiError.InvalidSpec,
                    $"spec.additionalOutputFormats[{i}].type: \"{format}\" is not an output format; accepted values: DER, CombinedPEM",
                    $"spec.additionalOutputFormats[{i}].type", ["DER", "CombinedPEM"]);
            }
        }

        return null;
    }
}

/// <summary>The Secret's data keys, and warnings about requested outputs written differently than asked.</summary>
internal sealed record SecretData(IReadOnlyDictionary<string, byte[]> Data, IReadOnlyList<string> Warnings);
