using System.ComponentModel;
using System.Text.Json.Serialization;
using CertOperator.Crds.Meta;

namespace CertOperator.Crds.Acme;

[Description("AWS Route53. Without explicit keys the ambient AWS credentials (environment, IRSA, instance role) are used.")]
public sealed class Route53Provider
{
    [Description("AWS region for the Route53 API; Route53 is global, so this mostly selects the STS endpoint.")]
    public string? Region { get; set; }

    [JsonPropertyName("hostedZoneID")]
    [Description("The hosted zone to update; found by searching zones when unset.")]
    public string? HostedZoneId { get; set; }

    [JsonPropertyName("accessKeyID")]
    [Description("AWS access key ID. Use `accessKeyIDSecretRef` to keep it in a Secret instead.")]
    public string? AccessKeyId { get; set; }

    [JsonPropertyName("accessKeyIDSecretRef")]
    [Description("The Secret entry holding the AWS access key ID.")]
    public SecretKeySelector? AccessKeyIdSecretRef { get; set; }

    [Description("The Secret entry holding the AWS secret access key.")]
    public SecretKeySelector? SecretAccessKeySecretRef { get; set; }

    [Description("ARN of an IAM role to assume before calling Route53.")]
    public string? Role { get; set; }

    [Description("Obtain AWS credentials by exchanging a Kubernetes service account token for the `role`, instead of static keys.")]
    public Route53Auth? Auth { get; set; }
}
