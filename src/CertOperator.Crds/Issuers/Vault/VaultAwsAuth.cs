using System.ComponentModel;
using CertOperator.Crds.Acme;
using CertOperator.Crds.Schema;

namespace CertOperator.Crds.Issuers.Vault;

[Description("Vault's AWS IAM authentication.")]
public sealed class VaultAwsAuth
{
    [Description("An IAM role to assume (with a web identity token) before logging in.")]
    public string? IamRoleArn { get; set; }

    [Description("Where the AWS method is mounted; `/v1/auth/aws` when unset.")]
    public string? MountPath { get; set; }

    [Description("The AWS region of the STS endpoint the login request is signed for.")]
    public string? Region { get; set; }

    [Required]
    [MinLength(1)]
    [Description("The Vault role to log in as.")]
    public string Role { get; set; } = "";

    [Description("A ServiceAccount whose token is used as the web identity for `iamRoleArn`.")]
    public ServiceAccountRef? ServiceAccountRef { get; set; }

    [Description("The value of the `X-Vault-AWS-IAM-Server-ID` header, when Vault requires one.")]
    public string? VaultHeaderValue { get; set; }
}
