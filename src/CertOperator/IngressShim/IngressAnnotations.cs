namespace CertOperator.IngressShim;

/// <summary>The Ingress and Gateway annotations cert-manager's certificate shims read, and the Certificate annotations it writes from them.</summary>
internal static class IngressAnnotations
{
    public const string Issuer = "cert-manager.io/issuer";
    public const string ClusterIssuer = "cert-manager.io/cluster-issuer";
    public const string IssuerKind = "cert-manager.io/issuer-kind";
    public const string IssuerGroup = "cert-manager.io/issuer-group";
    public const string LegacyIssuer = "certmanager.k8s.io/issuer";
    public const string LegacyClusterIssuer = "certmanager.k8s.io/cluster-issuer";
    public const string TlsAcme = "kubernetes.io/tls-acme";

    public const string CommonName = "cert-manager.io/common-name";
    public const string AltNames = "cert-manager.io/alt-names";
    public const string IpSans = "cert-manager.io/ip-sans";
    public const string EmailSans = "cert-manager.io/email-sans";
    public const string Duration = "cert-manager.io/duration";
    public const string RenewBefore = "cert-manager.io/renew-before";
    public const string RenewBeforePercentage = "cert-manager.io/renew-before-percentage";
    public const string Usages = "cert-manager.io/usages";
    public const string RevisionHistoryLimit = "cert-manager.io/revision-history-limit";
    public const string PrivateKeyAlgorithm = "cert-manager.io/private-key-algorithm";
    public const string PrivateKeySize = "cert-manager.io/private-key-size";
    public const string PrivateKeyEncoding = "cert-manager.io/private-key-encoding";
    public const string PrivateKeyRotationPolicy = "cert-manager.io/private-key-rotation-policy";
    public const string SecretTemplate = "cert-manager.io/secret-template";

    public const string SubjectOrganizations = "cert-manager.io/subject-organizations";
    public const string SubjectOrganizationalUnits = "cert-manager.io/subject-organizationalunits";
    public const string SubjectCountries = "cert-manager.io/subject-countries";
    public const string SubjectProvinces = "cert-manager.io/subject-provinces";
    public const string SubjectLocalities = "cert-manager.io/subject-localities";
    public const string SubjectPostalCodes = "cert-manager.io/subject-postalcodes";
    public const string SubjectStreetAddresses = "cert-manager.io/subject-streetaddresses";
    public const string SubjectSerialNumber = "cert-manager.io/subject-serialnumber";

    public const string Http01EditInPlace = "acme.cert-manager.io/http01-edit-in-place";
    public const string Http01IngressClass = "acme.cert-manager.io/http01-ingress-class";
    public const string Http01IngressClassName = "acme.cert-manager.io/http01-ingress-ingressclassname";

    public const string Http01ParentRefKind = Acme.Solvers.SolverOverrides.ParentRefKind;
    public const string Http01ParentRefName = Acme.Solvers.SolverOverrides.ParentRefName;
    public const string IgnoreTlsListeners = "cert-manager.io/ignore-tls-listeners";

    public const string OverrideIngressName = Acme.Solvers.SolverOverrides.IngressName;
    public const string OverrideIngressClass = Acme.Solvers.SolverOverrides.IngressClass;
    public const string OverrideIngressClassName = Acme.Solvers.SolverOverrides.IngressClassName;
}
