namespace CertOperator.Kubernetes.Model;

/// <summary>The part of a CRD's spec the slim view keeps.</summary>
public sealed class CustomResourceDefinitionSpec
{
    public CustomResourceConversion? Conversion { get; set; }
}
