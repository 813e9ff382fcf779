using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CertOperator.Acme.Jws;

namespace CertOperator.Acme.Tests.Unit;

public sealed class JwsTests
{
    private static readonly Uri Url = new("https://acme.test/new-order");

    [Fact]
    public void Thumbprint_matches_the_rfc_7638_example()
    {
        var jwk = new JsonWebKey
        {
            KeyType = "RSA",
            Exponent = "AQAB",
            Modulus = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
        };

        jwk.Thumbprint().Should().Be("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }

    public static TheoryData<AcmeKeyAlgorithm, bool> Forms => new()
    {
        { AcmeKeyAlgorithm.ES256, true }, { AcmeKeyAlgorithm.ES256, false },
        { AcmeKeyAlgorithm.ES384, true }, { AcmeKeyAlgorithm.ES384, false },
        { AcmeKeyAlgorithm.RS256, true }, { AcmeKeyAlgorithm.RS256, false },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Signed_messages_carry_exactly_one_of_kid_and_jwk_and_verify(AcmeKeyAlgorithm algorithm, bool useKid)
    {
        using var key = AcmeAccountKey.Create(algorithm);
        var kid = useKid ? "https://acme.test/acct/7" : null;

        var jws = JwsSigner.Sign(key, Url, "nonce-1", kid, Encoding.UTF8.GetBytes("{\"a\":1}"));

        var header = Decode(jws.Protected);
        header["alg"]!.GetValue<string>().Should().Be(algorithm.ToString());
        header["nonce"]!.GetValue<string>().Should().Be("nonce-1");
        header["url"]!.GetValue<string>().Should().Be(Url.AbsoluteUri);
        (header["kid"]?.GetValue<string>()).Should().Be(kid);
        (header["jwk"] is null).Should().Be(useKid);
        Verify(header["jwk"] ?? Jwk(key), jws.Protected + "." + jws.Payload, jws.Signature, algorithm).Should().BeTrue();
    }

    [Fact]
    public void Post_as_get_signs_an_empty_payload()
    {
        using var key = AcmeAccountKey.Create();

        var jws = JwsSigner.Sign(key, Url, "n", "https://acme.test/acct/1", payload: null);

        jws.Payload.Should().BeEmpty();
        Verify(Jwk(key), jws.Protected + ".", jws.Signature, AcmeKeyAlgorithm.ES256).Should().BeTrue();
    }

    [Theory]
    [InlineData(EabAlgorithm.HS256)]
    [InlineData(EabAlgorithm.HS384)]
    [InlineData(EabAlgorithm.HS512)]
    public void External_account_binding_macs_the_account_jwk(EabAlgorithm algorithm)
    {
        using var key = AcmeAccountKey.Create();
        var macKey = RandomNumberGenerator.GetBytes(32);
        var binding = new ExternalAccountBinding("kid-9", macKey, algorithm);

        var jws = JwsSigner.ExternalAccountBinding(binding, key.Jwk, new Uri("https://acme.test/new-acct"));

        var header = Decode(jws.Protected);
        header["alg"]!.GetValue<string>().Should().Be(algorithm.ToString());
        header["kid"]!.GetValue<string>().Should().Be("kid-9");
        header["nonce"].Should().BeNull("the inner EAB JWS carries no nonce");
        Decode(jws.Payload)["x"]!.GetValue<string>().Should().Be(key.Jwk.X);
        var input = Encoding.ASCII.GetBytes(jws.Protected + "." + jws.Payload);
        var expected = algorithm switch
        {
            EabAlgorithm.HS256 => HMACSHA256.HashData(macKey, input),
            EabAlgorithm.HS384 => HMACSHA384.HashData(macKey, input),
            _ => HMACSHA512.HashData(macKey, input),
        };
        jws.Signature.Should().Be(Base64Url.EncodeToString(expected));
        binding.ToString().Should().NotContain(Base64Url.EncodeToString(macKey));
    }

    [Fact]
    public void Key_authorization_and_dns_value_follow_rfc_8555()
    {
        using var key = AcmeAccountKey.Create();

        key.KeyAuthorization("tok").Should().Be("tok." + key.Thumbprint);
        key.Dns01TxtValue("tok").Should().Be(Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes("tok." + key.Thumbprint))));
    }

    [Theory]
    [InlineData(AcmeKeyAlgorithm.ES256)]
    [InlineData(AcmeKeyAlgorithm.ES384)]
    [InlineData(AcmeKeyAlgorithm.RS256)]
    public void Account_keys_round_trip_through_pem_and_never_print_the_private_key(AcmeKeyAlgorithm algorithm)
    {
        using var key = AcmeAccountKey.Create(algorithm);
        var pem = key.ExportPkcs8Pem();

        using var loaded = AcmeAccountKey.FromPem(pem);

        loaded.Algorithm.Should().Be(algorithm);
        loaded.Thumbprint.Should().Be(key.Thumbprint);
        loaded.ToString().Should().NotContain("PRIVATE").And.Contain(key.Thumbprint);
    }

    [Fact]
    public void Garbage_pem_is_rejected_without_echoing_it()
    {
        const string secretLooking = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LXNlY3JldC1zZWNyZXQ=\n-----END PRIVATE KEY-----";

        var act = () => AcmeAccountKey.FromPem(secretLooking);

        act.Should().Throw<ArgumentException>().Which.Message.Should().NotContain("c2VjcmV0");
    }

    private static JsonNode Decode(string part) => JsonNode.Parse(Base64Url.DecodeFromChars(part))!;

    private static JsonNode Jwk(AcmeAccountKey key) => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(key.Jwk, Wire.AcmeJsonContext.Default.JsonWebKey))!;

    private static bool Verify(JsonNode jwk, string signingInput, string signature, AcmeKeyAlgorithm algorithm)
    {
        var data = Encoding.ASCII.GetBytes(signingInput);
        var sig = Base64Url.DecodeFromChars(signature);
        if (algorithm == AcmeKeyAlgorithm.RS256)
        {
            using var rsa = RSA.Create(new RSAParameters { Modulus = B(jwk["n"]), Exponent = B(jwk["e"]) });
            return rsa.VerifyData(data, sig, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        var curve = algorithm == AcmeKeyAlgorithm.ES256 ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.nistP384;
        using var ec = ECDsa.Create(new ECParameters { Curve = curve, Q = new ECPoint { X = B(jwk["x"]), Y = B(jwk["y"]) } });
        return ec.VerifyData(data, sig, algorithm == AcmeKeyAlgorithm.ES256 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA384);
    }

    private static byte[] B(JsonNode? node) => Base64Url.DecodeFromChars(node!.GetValue<string>());
}
