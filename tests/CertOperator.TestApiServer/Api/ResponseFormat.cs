namespace CertOperator.TestApiServer.Api;

/// <summary>What shape the client asked for in Accept.</summary>
internal enum ResponseFormat
{
    Full,
    Metadata,
    Table,
}

internal static class AcceptHeader
{
    /// <summary>Picks the first media type we can serve, in the client's order (kubectl lists its preference first).</summary>
    public static ResponseFormat Parse(string? accept)
    {
        foreach (var mediaType in (accept ?? "application/json").Split(','))
        {
            var parts = mediaType.Split(';').Select(p => p.Trim()).ToList();
            var asParam = parts.FirstOrDefault(p => p.StartsWith("as=", StringComparison.Ordinal))?[3..];
            var group = parts.FirstOrDefault(p => p.StartsWith("g=", StringComparison.Ordinal))?[2..];
            if (parts[0] is not "application/json" and not "*/*")
            {
                continue;
            }

            switch (asParam)
            {
                case null:
                    return ResponseFormat.Full;
                case "Table" when group == "meta.k8s.io":
                    return ResponseFormat.Table;
                case "PartialObjectMetadata" or "PartialObjectMetadataList" when group == "meta.k8s.io":
                    return ResponseFormat.Metadata;
            }
        }

        return ResponseFormat.Full;
    }
}
