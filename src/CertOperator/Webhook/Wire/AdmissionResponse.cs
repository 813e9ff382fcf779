namespace CertOperator.Webhook.Wire;

/// <summary>The verdict: allowed or not (with a Status saying why), an optional JSONPatch, and warnings for kubectl to print.</summary>
internal sealed class AdmissionResponse
{
    public const string JsonPatchType = "JSONPatch";

    public string Uid { get; set; } = "";

    public bool Allowed { get; set; }

    public AdmissionStatus? Status { get; set; }

    /// <summary>Base64 of an RFC 6902 patch (bytes serialise as base64).</summary>
    public byte[]? Patch { get; set; }

    public string? PatchType { get; set; }

    public List<string>? Warnings { get; set; }
}
