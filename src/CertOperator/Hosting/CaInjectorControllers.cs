using CertOperator.CaInjector;
using CertOperator.Crds.Certificates;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Hosting;
using CertOperator.Kubernetes.Model;
using Microsoft.Extensions.DependencyInjection;

namespace CertOperator.Hosting;

/// <summary>
/// cert-manager's cainjector, in the operator process: one controller per injectable kind, each woken by its own
/// objects, by the Certificates they name and by Secrets (metadata only) that are, or belong to, their CA source.
/// </summary>
internal static class CaInjectorControllers
{
    public static IServiceCollection AddCaInjectorControllers(this IServiceCollection services)
    {
        services.AddSingleton<ApiServerCa>();
        services.AddSingleton(InjectableKinds.Validating);
        services.AddSingleton(InjectableKinds.Mutating);
        services.AddSingleton(InjectableKinds.Crds);
        services.AddSingleton(InjectableKinds.ApiServices);
        services.AddController<CaInjectorReconciler<ValidatingWebhookConfiguration>>(r => Injector<ValidatingWebhookConfiguration>(InjectableKinds.Validating).Build(r));
        services.AddController<CaInjectorReconciler<MutatingWebhookConfiguration>>(r => Injector<MutatingWebhookConfiguration>(InjectableKinds.Mutating).Build(r));
        services.AddController<CaInjectorReconciler<CustomResourceDefinition>>(r => Injector<CustomResourceDefinition>(InjectableKinds.Crds).Build(r));
        services.AddController<CaInjectorReconciler<ApiService>>(r => Injector<ApiService>(InjectableKinds.ApiServices).Build(r));
        return services;
    }

    private static ControllerBuilder<T> Injector<T>(InjectableKind<T> kind)
        where T : class, IKubernetesObject<T> =>
        ControllerBuilder.For<T>()
            .Named($"cainjector-{kind.Name}")
            .WithIndex(CaSourceIndex.Name, CaSourceIndex.OfInjectable)
            .WatchesByIndex<Certificate>(CaSourceIndex.Name, CaSourceIndex.OfCertificate)
            .WatchesMetadataByIndex<Secret>(CaSourceIndex.Name, CaSourceIndex.OfSecret);
}
