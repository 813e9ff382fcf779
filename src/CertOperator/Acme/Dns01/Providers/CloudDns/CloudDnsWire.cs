namespace CertOperator.Acme.Dns01.Providers.CloudDns;

/// <summary>A Cloud DNS v1 managed zone (only the fields zone selection reads).</summary>
internal sealed record ManagedZone
{
    public string Name { get; init; } = "";

    public string DnsName { get; init; } = "";

    public string? Visibility { get; init; }
}

/// <summary>A page of `managedZones.list`.</summary>
internal sealed record ManagedZonesPage
{
    public List<ManagedZone> ManagedZones { get; init; } = [];

    public string? NextPageToken { get; init; }
}

/// <summary>A Cloud DNS v1 resource record set.</summary>
internal sealed record ResourceRecordSet
{
    public required string Name { get; init; }

    public required string Type { get; init; }

    public int Ttl { get; init; }

    public List<string> Rrdatas { get; init; } = [];
}

/// <summary>A page of `resourceRecordSets.list`.</summary>
internal sealed record ResourceRecordSetsPage
{
    public List<ResourceRecordSet> Rrsets { get; init; } = [];

    public string? NextPageToken { get; init; }
}

/// <summary>A Cloud DNS v1 change: deletions then additions, applied atomically.</summary>
internal sealed record DnsChange
{
    public List<ResourceRecordSet>? Additions { get; init; }

    public List<ResourceRecordSet>? Deletions { get; init; }

    public string? Id { get; init; }

    public string? Status { get; init; }
}

/// <summary>A Google API error body: `{"error": {"code", "message", "status"}}`.</summary>
internal sealed record GoogleErrorBody
{
    public GoogleError? Error { get; init; }
}

internal sealed record GoogleError
{
    public int Code { get; init; }

    public string? Message { get; init; }

    public string? Status { get; init; }
}
