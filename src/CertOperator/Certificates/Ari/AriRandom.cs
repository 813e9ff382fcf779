using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CertOperator.Certificates.Ari;

/// <summary>
/// Production randomness. A certificate's fraction is its identifier's SHA-256 as a number in [0, 1): the serial number
/// in the identifier is the CA's randomness, so the fractions of many certificates are uniform over the window
/// (RFC 9773 §4.2), yet one certificate always gets the same instant.
/// </summary>
internal sealed class AriRandom : IAriRandom
{
    public double WindowFraction(string certificateId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.ASCII.GetBytes(certificateId), hash);
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) / (double)(1UL << 53);
    }

    public double NextFraction() => Random.Shared.NextDouble();
}
