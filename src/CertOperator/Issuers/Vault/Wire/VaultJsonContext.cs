using System.Text.Json.Serialization;

namespace CertOperator.Issuers.Vault.Wire;

[JsonSerializable(typeof(VaultSignRequest))]
[JsonSerializable(typeof(VaultSignResponse))]
[JsonSerializable(typeof(VaultLoginResponse))]
[JsonSerializable(typeof(VaultErrorResponse))]
[JsonSerializable(typeof(AppRoleLoginRequest))]
[JsonSerializable(typeof(KubernetesLoginRequest))]
[JsonSerializable(typeof(CertificateLoginRequest))]
[JsonSerializable(typeof(k8s.Models.Authenticationv1TokenRequest))]
// V1ManagedFieldsEntry.FieldsV1 is an object holding a JsonElement once read.
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
internal sealed partial class VaultJsonContext : JsonSerializerContext;
