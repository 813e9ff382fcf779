using CertOperator.Acme.Accounts;
using CertOperator.Acme.Challenges;
using CertOperator.Acme.Dns01;
using CertOperator.Acme.Dns01.Providers;
using CertOperator.Acme.Dns01.Providers.AcmeDns;
using CertOperator.Acme.Dns01.Providers.Akamai;
using CertOperator.Acme.Dns01.Providers.AzureDns;
using CertOperator.Acme.Dns01.Providers.CloudDns;
using CertOperator.Acme.Dns01.Providers.Cloudflare;
using CertOperator.Acme.Dns01.Providers.DigitalOcean;
using CertOperator.Acme.Dns01.Providers.Route53;
using CertOperator.Acme.Dns01.Providers.Webhook;
using CertOperator.Acme.Http01;
using CertOperator.Acme.Orders;
using CertOperator.CertificateRequests;
using CertOperator.Certificates;
using CertOperator.Certificates.Ari;
using CertOperator.Certificates.Controllers;
using CertOperator.Crds.CertificateRequests;
using CertOperator.Crds.Certificates;
using CertOperator.Crds.Challenges;
using CertOperator.Crds.Orders;
using CertOperator.Crds.Issuers;
using CertOperator.GatewayShim;
using CertOperator.IngressShim;
using CertOperator.Issuers;
using CertOperator.Issuers.Vault;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Hosting;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using CertOperator.Kubernetes.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CertOperator.Hosting;

/// <summary>
/// Declares every controller and what wakes it. The Certificate lifecycle is five small controllers
/// that talk only through Certificate.status, as in cert-manager.
/// </summary>
internal static class CertificateControllers
{
    private const string RequestsByIssuer = "request-by-issuer";

    public static IServiceCollection AddCertificateControllers(this IServiceCollection services, int concurrency, string clusterResourceNamespace)
    {
        services.AddSingleton<IAriRandom, AriRandom>();
        services.AddSingleton<CertificateStore>();
        services.AddSingleton<IssuerLookup>();
        services.AddSingleton<RequestSigner>();
        services.AddSingleton<IVaultKubernetes, VaultKubernetes>();
        services.AddSingleton<IVaultTransportFactory, VaultHttpTransportFactory>();
        services.AddSingleton<VaultRequestSigner>();
        services.AddSingleton<VaultIssuerCheck>();
        services.AddSingleton<AcmeClientCache>();
        services.AddSingleton<AcmeAccountRegistrar>();
        services.AddSingleton<AcmeRequestHandler>();
        services.AddSingleton(new SignedPayloadMemo<CertificateRequest>(SignedPayload.ForIssuing));
        services.AddSingleton(new SignedPayloadMemo<Order>(SignedPayload.Of));
        services.AddSingleton<OrderChallenges>();
        services.AddSingleton<ChallengeSolvers>();
        services.AddSingleton<ChallengeFinalizer>();
        services.AddSingleton(sp => new Http01Solver(
            sp.GetRequiredService<KubernetesClient>(),
            sp.GetRequiredService<Http01Options>(),
            new HttpClient { Timeout = TimeSpan.FromSeconds(5) },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<Http01Solver>>()));
        services.AddSingleton<IDnsProvider, Rfc2136DnsProvider>();
        services.AddSingleton<IDnsProvider, CloudflareDnsProvider>();
        services.AddSingleton<IDnsProvider, DigitalOceanDnsProvider>();
        services.AddSingleton<IDnsProvider, AcmeDnsDnsProvider>();
        services.AddSingleton<IDnsProvider, WebhookDnsProvider>();
        services.AddSingleton<IDnsProvider, AmazonRoute53DnsProvider>();
        services.AddSingleton<IDnsProvider, GoogleCloudDnsProvider>();
        services.AddSingleton<IDnsProvider, MicrosoftAzureDnsProvider>();
        services.AddSingleton<IDnsProvider, AkamaiEdgeDnsProvider>();
        services.AddSingleton<Dns01Solver>();

        services.AddController<TriggerReconciler>(r => WatchingSecretClaims(CertificateController("certificates-trigger", concurrency), clusterResourceNamespace).Build(r));
        services.AddController<KeyManagerReconciler>(r => CertificateController("certificates-key-manager", concurrency).Build(r));
        services.AddController<RequestManagerReconciler>(r => CertificateController("certificates-request-manager", concurrency).Build(r));
        services.AddController<IssuingReconciler>(r => CertificateController("certificates-issuing", concurrency).Build(r));
        services.AddController<ReadinessReconciler>(r => WatchingSecretClaims(CertificateController("certificates-readiness", concurrency), clusterResourceNamespace).Build(r));

        services.AddController<OrderReconciler>(r => ControllerBuilder.For<Order>()
            .Named("orders")
            .WithConcurrency(concurrency)
            .Owns<Challenge>()
            .Build(r));
        services.AddController<ChallengeReconciler>(r => ControllerBuilder.For<Challenge>()
            .Named("challenges")
            .WithConcurrency(concurrency)
            .Build(r));

        services.AddController<CertificateRequestReconciler>(r => ControllerBuilder.For<CertificateRequest>()
            .Named("certificaterequests")
            .WithConcurrency(concurrency)
            .Owns<Order>()
            .Watches<Challenge>(RequestOfChallenge)
            .WithIndex(RequestsByIssuer, cr => [IssuerKey(cr.Spec.IssuerRef.Kind, cr.Spec.IssuerRef.Kind == "ClusterIssuer" ? null : cr.Metadata.NamespaceProperty, cr.Spec.IssuerRef.Name)])
            .WatchesByIndex<Issuer>(RequestsByIssuer, i => IssuerKey("Issuer", i.Metadata.NamespaceProperty, i.Metadata.Name!))
            .WatchesByIndex<ClusterIssuer>(RequestsByIssuer, i => IssuerKey("ClusterIssuer", null, i.Metadata.Name!))
            .Build(r));

        services.AddController<IngressShimReconciler>(r => ControllerBuilder.For<Ingress>().Named("ingress-shim").WithConcurrency(concurrency).Owns<Certificate>().Build(r));
        services.AddController<IssuerReconciler<Issuer>>(r => ControllerBuilder.For<Issuer>()
            .Named("issuers")
            .WithConcurrency(concurrency)
            .WithIndex(IssuerReconciler<Issuer>.BySecret, i => IssuerSecretReferences.ReadinessSecrets(i.Spec).Select(s => $"{i.Metadata.NamespaceProperty}/{s}"))
            .WatchesByIndex<Secret>(IssuerReconciler<Issuer>.BySecret)
            .Build(r));
        services.AddController<IssuerReconciler<ClusterIssuer>>(r => ControllerBuilder.For<ClusterIssuer>()
            .Named("clusterissuers")
            .WithConcurrency(concurrency)
            .WithIndex(IssuerReconciler<ClusterIssuer>.BySecret, i => IssuerSecretReferences.ReadinessSecrets(i.Spec).Select(s => $"{clusterResourceNamespace}/{s}"))
            .WatchesByIndex<Secret>(IssuerReconciler<ClusterIssuer>.BySecret)
            .Build(r));
        return services;
    }

    /// <summary>ACME Renewal Information polling (cert-manager's ACMEUseARI feature gate).</summary>
    public static IServiceCollection AddAcmeRenewalInfoController(this IServiceCollection services, int concurrency)
    {
        services.AddSingleton<IRenewalInfoSource, AcmeRenewalInfoSource>();
        services.AddController<AcmeRenewalInfoReconciler>(r => CertificateController("certificates-acme-ari", concurrency).Build(r));
        return services;
    }

    /// <summary>cert-manager's gateway-shim, behind --enable-gateway-api: Gateways and the Certificates they control.</summary>
    public static IServiceCollection AddGatewayShim(this IServiceCollection services, int concurrency) =>
        services.AddController<GatewayShimReconciler>(r => ControllerBuilder.For<Gateway>().Named("gateway-shim").WithConcurrency(concurrency).Owns<Certificate>().Build(r));

    /// <summary>Every certificate controller wakes on its Certificate, its CertificateRequests, and Secrets it writes or owns.</summary>
    private static ControllerBuilder<Certificate> CertificateController(string name, int concurrency) =>
        ControllerBuilder.For<Certificate>()
            .Named(name)
            .WithConcurrency(concurrency)
            .Owns<CertificateRequest>()
            .Owns<Secret>(metadataOnly: true)
            .WatchesByIndex<Secret>(CertificateIndexes.BySecretName);

    /// <summary>
    /// Whether a Certificate may write its Secret depends on the other Certificates and the issuers naming that
    /// Secret: a change to any of them wakes the controllers that report or act on the conflict.
    /// </summary>
    private static ControllerBuilder<Certificate> WatchingSecretClaims(ControllerBuilder<Certificate> builder, string clusterResourceNamespace) =>
        builder
            .WatchesByIndex<Certificate>(CertificateIndexes.BySecretName, CertificateIndexes.SecretKey)
            .WatchesByIndex<Issuer>(CertificateIndexes.BySecretName, i => CertificateIndexes.SecretKeys(i, i.Metadata.NamespaceProperty!))
            .WatchesByIndex<ClusterIssuer>(CertificateIndexes.BySecretName, i => CertificateIndexes.SecretKeys(i, clusterResourceNamespace));

    /// <summary>A Challenge's Order has its CertificateRequest's name and namespace; the request reports what the challenge waits for.</summary>
    private static IEnumerable<ObjectKey> RequestOfChallenge(Challenge challenge) =>
        challenge.Metadata.OwnerReferences?.Where(o => o.Controller == true && o.Kind == "Order")
            .Select(o => new ObjectKey(challenge.Metadata.NamespaceProperty, o.Name)) ?? [];

    private static string IssuerKey(string? kind, string? ns, string name) =>
        $"{(kind == "ClusterIssuer" ? "ClusterIssuer" : "Issuer")}/{ns}/{name}";
}
