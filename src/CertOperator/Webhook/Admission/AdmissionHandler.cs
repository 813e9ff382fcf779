using System.Text.Json;
using System.Text.Json.Nodes;
using CertOperator.Crds.Serialization;
using CertOperator.Kubernetes.Client;
using CertOperator.Validation;
using CertOperator.Webhook.Wire;
using Microsoft.Extensions.Logging;

namespace CertOperator.Webhook.Admission;

/// <summary>
/// The webhook's two entry points. /validate runs cert-manager's plugin chain for cert-manager.io and
/// acme.cert-manager.io v1 objects (requester identity, approval permission, resource validation); /mutate records
/// the requester on CertificateRequest CREATE. Anything else is allowed untouched.
/// </summary>
internal sealed partial class AdmissionHandler(ISignerAuthorizer signers, ILogger<AdmissionHandler> logger)
{
    private const string CertManagerGroup = "cert-manager.io";
    private const string AcmeGroup = "acme.cert-manager.io";

    public async Task<AdmissionResponse> ValidateAsync(AdmissionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var (errors, warnings) = ValidateResource(request);
            if (errors.Count == 0 && await ApprovalDenialAsync(request, ct) is { } denial)
            {
                errors.Add(denial);
            }

            return errors.Count == 0 ? Allow(request, warnings) : Deny(request, AdmissionError.Aggregate(errors), warnings);
        }
        catch (JsonException e)
        {
            return Deny(request, $"the object could not be decoded as {request.Resource.Resource}.{request.Resource.Group}/{request.Resource.Version}: {e.Message}", null);
        }
    }

    public static AdmissionResponse Mutate(AdmissionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Is(request, CertManagerGroup, "certificaterequests") || request.Operation != "CREATE" || !string.IsNullOrEmpty(request.SubResource))
        {
            return Allow(request, null);
        }

        var response = Allow(request, null);
        response.Patch = RequesterIdentity.Serialize(RequesterIdentity.Patch(request.Object, request.UserInfo));
        response.PatchType = AdmissionResponse.JsonPatchType;
        return response;
    }

    private static (List<AdmissionError> Errors, List<string> Warnings) ValidateResource(AdmissionRequest request)
    {
        var errors = new List<AdmissionError>();
        var warnings = new List<string>();
        if (request.Operation is not ("CREATE" or "UPDATE") || request.Resource.Version != "v1")
        {
            return (errors, warnings);
        }

        var update = request.Operation == "UPDATE";
        switch (request.Resource.Group, request.Resource.Resource)
        {
            case (CertManagerGroup, "certificates"):
                errors.AddRange(CertificateValidation.Validate(Decode(request.Object, CertManagerJsonContext.Default.Certificate).Spec).Select(AdmissionError.From));
                break;
            case (CertManagerGroup, "certificaterequests"):
                errors.AddRange(update
                    ? RequesterIdentity.ValidateUpdate(request.OldObject, request.Object)
                    : RequesterIdentity.ValidateCreate(request.Object, request.UserInfo));
                errors.AddRange(CertificateRequestValidation.Validate(Decode(request.Object, CertManagerJsonContext.Default.CertificateRequest).Spec).Select(AdmissionError.From));
                errors.AddRange(update
                    ? [.. RequestImmutability.Validate(request.OldObject, request.Object), .. ApprovalRules.ValidateUpdate(Conditions(request.OldObject), Conditions(request.Object))]
                    : ApprovalRules.Validate(Conditions(request.Object)));
                break;
            case (CertManagerGroup, "issuers"):
                ValidateIssuer(Decode(request.Object, CertManagerJsonContext.Default.Issuer).Spec, errors, warnings);
                break;
            case (CertManagerGroup, "clusterissuers"):
                ValidateIssuer(Decode(request.Object, CertManagerJsonContext.Default.ClusterIssuer).Spec, errors, warnings);
                break;
            case (AcmeGroup, "orders") when update:
                errors.AddRange(AcmeRules.ValidateOrderUpdate(request.OldObject, request.Object));
                break;
            case (AcmeGroup, "challenges") when update:
                errors.AddRange(AcmeRules.ValidateChallengeUpdate(request.OldObject, request.Object));
                break;
        }

        return (errors, warnings);
    }

    private static void ValidateIssuer(Crds.Issuers.IssuerSpec spec, List<AdmissionError> errors, List<string> warnings)
    {
        errors.AddRange(IssuerValidation.Validate(spec).Select(AdmissionError.From));
        if (!string.IsNullOrEmpty(spec.Acme?.ExternalAccountBinding?.KeyAlgorithm))
        {
            warnings.Add("ACME issuer spec field 'externalAccount.keyAlgorithm' is deprecated. The value of this field will be ignored.");
        }
    }

    /// <summary>
    /// Setting Approved or Denied (on the status subresource) needs `approve` on the issuer's signer, as cert-manager
    /// checks it; a failed SubjectAccessReview counts as "not allowed", as it does there.
    /// </summary>
    private async Task<AdmissionError?> ApprovalDenialAsync(AdmissionRequest request, CancellationToken ct)
    {
        if (!Is(request, CertManagerGroup, "certificaterequests") || request.Operation != "UPDATE" || request.SubResource != "status"
            || !ApprovalRules.ApprovalAdded(Conditions(request.OldObject), Conditions(request.Object)))
        {
            return null;
        }

        var issuerRef = Decode(request.Object, CertManagerJsonContext.Default.CertificateRequest).Spec.IssuerRef;
        var group = string.IsNullOrEmpty(issuerRef.Group) ? CertManagerGroup : issuerRef.Group;
        var kind = string.IsNullOrEmpty(issuerRef.Kind) ? "Issuer" : issuerRef.Kind;
        var issuer = $"{{{issuerRef.Name} {issuerRef.Kind} {issuerRef.Group}}}";
        try
        {
            if (await signers.ResolveAsync(group, kind, ct) is not { } resource)
            {
                return AdmissionError.Forbidden("spec.issuerRef", $"referenced signer resource does not exist: {issuer}");
            }

            if (await signers.MayApproveAsync(request.UserInfo, resource.SignerNames(request.Namespace ?? "", issuerRef.Name), ct))
            {
                return null;
            }
        }
        catch (Exception e) when (e is KubernetesApiException or HttpRequestException or TimeoutException)
        {
            LogAuthorizationFailed(e.Message, request.UserInfo.Username);
        }

        return AdmissionError.Forbidden(ApprovalRules.ConditionsField,
            $"user \"{request.UserInfo.Username}\" does not have permissions to set approved/denied conditions for issuer {issuer}");
    }

    private static bool Is(AdmissionRequest request, string group, string resource) =>
        request.Resource.Group == group && request.Resource.Resource == resource;

    private static T Decode<T>(JsonNode? node, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        (node is null ? default : node.Deserialize(typeInfo)) ?? throw new JsonException("the request has no object");

    private static JsonArray? Conditions(JsonNode? node) => node?["status"]?["conditions"] as JsonArray;

    private static AdmissionResponse Allow(AdmissionRequest request, List<string>? warnings) =>
        new() { Uid = request.Uid, Allowed = true, Warnings = warnings is { Count: > 0 } ? warnings : null };

    private static AdmissionResponse Deny(AdmissionRequest request, string message, List<string>? warnings) => new()
    {
        Uid = request.Uid,
        Allowed = false,
        Status = new AdmissionStatus { Code = 403, Reason = "Forbidden", Message = message },
        Warnings = warnings is { Count: > 0 } ? warnings : null,
    };

    [LoggerMessage(LogLevel.Warning, "Could not check whether {User} may approve a CertificateRequest, so they may not: {Error}")]
    private partial void LogAuthorizationFailed(string error, string? user);
}
