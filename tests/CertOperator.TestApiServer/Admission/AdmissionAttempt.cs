using System.Text.Json.Nodes;
using CertOperator.TestApiServer.Model;

namespace CertOperator.TestApiServer.Admission;

/// <summary>A create or update about to be stored, as admission webhooks see it.</summary>
internal sealed record AdmissionAttempt(
    ResourceType Type, string? Namespace, string Name, string? Subresource, string Operation, JsonObject Object, JsonObject? OldObject, bool DryRun);
