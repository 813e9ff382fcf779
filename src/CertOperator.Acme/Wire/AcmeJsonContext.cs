using System.Text.Json.Serialization;
using CertOperator.Acme.Jws;
using CertOperator.Acme.Model;

namespace CertOperator.Acme.Wire;

/// <summary>The library's one source-generated serializer context (trimming and AOT safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AcmeDirectory))]
[JsonSerializable(typeof(AcmeAccount))]
[JsonSerializable(typeof(AcmeOrder))]
[JsonSerializable(typeof(AcmeAuthorization))]
[JsonSerializable(typeof(AcmeChallenge))]
[JsonSerializable(typeof(AcmeProblem))]
[JsonSerializable(typeof(AcmeRenewalInfo))]
[JsonSerializable(typeof(JsonWebKey))]
[JsonSerializable(typeof(JwsProtectedHeader))]
[JsonSerializable(typeof(JwsMessage))]
[JsonSerializable(typeof(NewAccountPayload))]
[JsonSerializable(typeof(AccountUpdatePayload))]
[JsonSerializable(typeof(KeyChangePayload))]
[JsonSerializable(typeof(NewOrderPayload))]
[JsonSerializable(typeof(FinalizePayload))]
[JsonSerializable(typeof(RevokePayload))]
[JsonSerializable(typeof(EmptyPayload))]
internal sealed partial class AcmeJsonContext : JsonSerializerContext;
