using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertOperator.Certificates.Pki;

/// <summary>Lets .NET's CertificateRequest sign CSRs and certificates with an Ed25519 key (pure EdDSA: the hash name is ignored).</summary>
internal sealed class Ed25519SignatureGenerator(Ed25519Key key) : X509SignatureGenerator
{
    public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm)
    {
        // RFC 8410: the AlgorithmIdentifier for Ed25519 carries the OID and no parameters.
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(Ed25519Key.Oid);
        }

        return writer.Encode();
    }

    public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) => key.Sign(data);

    protected override PublicKey BuildPublicKey() => key.PublicKey();
}
