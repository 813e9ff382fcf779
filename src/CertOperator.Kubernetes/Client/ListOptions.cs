namespace CertOperator.Kubernetes.Client;

/// <summary>Query parameters for a list: selectors, page size and the continue token of the previous page.</summary>
public sealed record ListOptions
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Page size; 0 lets the server return everything at once.</summary>
    public int Limit { get; init; }

    public string? Continue { get; init; }

    public string? ResourceVersion { get; init; }
}
