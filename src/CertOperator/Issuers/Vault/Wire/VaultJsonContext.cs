using System.Text.Json.Serialization;

namespace CertOperator.Issuers.Vault.Wire;

[JsonSerializable(typeof(VaultSignRequest))]
[JsonSerializable(typeof(VaultSignResponse))]
[JsonSerializable(typeof(VaultLoginResponse))]
[JsonSerializable(typeof(VaultErrorResponse))]
[JsonSerializable(typeof(AppRoleLoginRequest))]
[JsonSerializable(typeof(KubernetesLoginRequest))]
[JsonSerializable(typeof(CertificateLoginRequest))]
[JsonSerializable(typeof(TokenRequest))]
internal sealed partial class VaultJsonContext : JsonSerializerContext;
