namespace CertOperator.Generation;

/// <summary>
/// Everything the operator does against the API, declared once: config/rbac is generated from it,
/// so a controller that starts touching a new resource must say so here.
/// </summary>
internal static class OperatorPermissions
{
    public const string Namespace = "certoperator-system";
    public const string ServiceAccount = "certoperator";
    public const string ClusterRole = "certoperator-controller";
    public const string LeaderElectionRole = "certoperator-leader-election";
    public const string WebhookServiceAccount = "certoperator-webhook";
    public const string WebhookRole = "certoperator-webhook";

    /// <summary>The webhook's CA Secret and the name of both webhook configurations (config/default uses the same names).</summary>
    public const string WebhookCaSecret = "certoperator-webhook-ca";
    public const string WebhookConfiguration = "certoperator-webhook";

    private static readonly string[] ReadWrite = ["get", "list", "watch", "create", "update", "patch", "delete"];
    private static readonly string[] StatusVerbs = ["get", "update", "patch"];

    /// <summary>The CA injector reads injectables from caches and patches only their caBundle fields.</summary>
    private static readonly string[] CaInjection = ["get", "list", "watch", "patch"];

    /// <summary>Cluster-wide rules: our kinds (with status and finalizers), Secrets, solver resources, Events.</summary>
    public static IReadOnlyList<RbacRule> ClusterRules { get; } =
    [
        new(["cert-manager.io"], ["certificates", "certificaterequests", "issuers", "clusterissuers"], ReadWrite),
        new(["cert-manager.io"], ["certificates/status", "certificaterequests/status", "issuers/status", "clusterissuers/status"], StatusVerbs),
        new(["cert-manager.io"], ["certificates/finalizers", "certificaterequests/finalizers"], ["update"]),
        new(["acme.cert-manager.io"], ["orders", "challenges"], ReadWrite),
        new(["acme.cert-manager.io"], ["orders/status", "challenges/status"], StatusVerbs),
        new(["acme.cert-manager.io"], ["orders/finalizers", "challenges/finalizers"], ["update"]),
        new([""], ["secrets"], ReadWrite),
        new([""], ["pods", "services"], ["get", "list", "watch", "create", "delete"]),
        new(["networking.k8s.io"], ["ingresses"], ReadWrite),
        new(["networking.k8s.io"], ["ingresses/finalizers"], ["update"]),
        new(["networking.k8s.io"], ["ingressclasses"], ["get", "list", "watch"]),
        // As cert-manager's chart: the gateway-shim reads Gateways, the HTTP-01 solver manages HTTPRoutes (patching them
        // where cert-manager PUTs), and owner references with blockOwnerDeletion need the owners' finalizers.
        new(["gateway.networking.k8s.io"], ["gateways"], ["get", "list", "watch"]),
        new(["gateway.networking.k8s.io"], ["httproutes"], ReadWrite),
        new(["gateway.networking.k8s.io"], ["gateways/finalizers", "httproutes/finalizers"], ["update"]),
        new([""], ["events"], ["get", "create", "patch"]),
        new(["events.k8s.io"], ["events"], ["create", "patch"]),
        new(["admissionregistration.k8s.io"], ["validatingwebhookconfigurations", "mutatingwebhookconfigurations"], CaInjection),
        new(["apiextensions.k8s.io"], ["customresourcedefinitions"], CaInjection),
        new(["apiregistration.k8s.io"], ["apiservices"], CaInjection),
        // The webhook lets only signers' approvers set Approved/Denied; the operator approves requests for its own issuers.
        new(["cert-manager.io"], ["signers"], ["approve"], ["issuers.cert-manager.io/*", "clusterissuers.cert-manager.io/*"]),
    ];

    /// <summary>Namespaced rules in the operator's own namespace: the leader-election Lease only.</summary>
    public static IReadOnlyList<RbacRule> LeaderElectionRules { get; } =
    [
        new(["coordination.k8s.io"], ["leases"], ["get", "list", "watch", "create", "update", "patch"]),
    ];

    /// <summary>
    /// The webhook's cluster-wide rules: SubjectAccessReviews for the approval check, CRDs to find an external issuer's
    /// resource name, and the caBundle of its own two configurations.
    /// </summary>
    public static IReadOnlyList<RbacRule> WebhookClusterRules { get; } =
    [
        new(["authorization.k8s.io"], ["subjectaccessreviews"], ["create"]),
        new(["apiextensions.k8s.io"], ["customresourcedefinitions"], ["list"]),
        new(["admissionregistration.k8s.io"], ["validatingwebhookconfigurations", "mutatingwebhookconfigurations"], ["get", "patch"], [WebhookConfiguration]),
    ];

    /// <summary>The webhook's rules in the operator's namespace: its CA Secret (create cannot be limited to one name).</summary>
    public static IReadOnlyList<RbacRule> WebhookNamespaceRules { get; } =
    [
        new([""], ["secrets"], ["get", "update"], [WebhookCaSecret]),
        new([""], ["secrets"], ["create"]),
    ];
}
