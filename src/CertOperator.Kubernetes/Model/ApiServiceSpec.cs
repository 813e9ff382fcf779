namespace CertOperator.Kubernetes.Model;

/// <summary>The part of an APIService's spec the slim view keeps.</summary>
public sealed class ApiServiceSpec
{
    /// <summary>PEM certificates, base64 on the wire.</summary>
    public byte[]? CaBundle { get; set; }
}
