using CertOperator.Crds.Meta;

namespace CertOperator.Validation;

/// <summary>`issuerRef` as cert-manager checks it on Certificates and CertificateRequests.</summary>
internal static class IssuerRefRules
{
    private const string Group = "cert-manager.io";

    public static void Validate(IssuerReference issuerRef, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(issuerRef.Name))
        {
            errors.Add(new("spec.issuerRef.name", "must be specified: name the Issuer or ClusterIssuer to use"));
        }

        if ((issuerRef.Group is { Length: > 0 } group && group != Group) || issuerRef.Kind is null or "" or "Issuer" or "ClusterIssuer")
        {
            return;
        }

        // A kind from an external issuer with the group forgotten is an easy mistake; cert-manager hints at it.
        var hint = string.IsNullOrEmpty(issuerRef.Group) ? " (did you forget to set spec.issuerRef.group?)" : "";
        errors.Add(new("spec.issuerRef.kind", $"\"{issuerRef.Kind}\": must be one of Issuer or ClusterIssuer{hint}"));
    }
}
