using CertOperator.Crds.Certificates;
using CertOperator.Kubernetes;
using CertOperator.Kubernetes.Client;
using CertOperator.Kubernetes.Controllers;
using CertOperator.Kubernetes.Events;
using CertOperator.Kubernetes.Informers;
using CertOperator.Kubernetes.Model;
using Microsoft.Extensions.Logging;

namespace CertOperator.CaInjector;

/// <summary>
/// cert-manager's cainjector for one injectable kind: reads the CA the object's annotations name and merges it into
/// every caBundle of the object with one guarded JSON patch, writing nothing when the bundles already hold it.
/// A source that is missing or refused leaves the caBundles as they are and says why in an Event on the object.
/// </summary>
internal sealed partial class CaInjectorReconciler<T> : IReconciler
    where T : class, IKubernetesObject<T>
{
    private readonly InjectableKind<T> _kind;
    private readonly IInformer<T> _injectables;
    private readonly IInformer<Certificate> _certificates;
    private readonly KubernetesClient _client;
    private readonly EventRecorder _events;
    private readonly ApiServerCa _apiServerCa;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public CaInjectorReconciler(
        InjectableKind<T> kind, SharedInformerFactory informers, KubernetesClient client, EventRecorder events,
        ApiServerCa apiServerCa, TimeProvider time, ILogger<CaInjectorReconciler<T>> logger)
    {
        _kind = kind;
        _injectables = informers.GetInformer<T>();
        _certificates = informers.GetInformer<Certificate>();
        _client = client;
        _events = events;
        _apiServerCa = apiServerCa;
        _time = time;
        _logger = logger;
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken ct)
    {
        if (_injectables.Store.Find(key) is not { Metadata.DeletionTimestamp: null } target)
        {
            return ReconcileResult.Done;
        }

        var source = CaSourceSelection.Select(target.Metadata.Annotations.OrEmpty());
        if (source.Kind == CaSourceKind.None)
        {
            return ReconcileResult.Done;
        }

        if (source.Problem is not null)
        {
            await _events.RecordAsync(target, EventType.Warning, "InvalidCaInjectionAnnotation", source.Problem, ct);
            return ReconcileResult.Done;
        }

        var reading = await ReadCaAsync(source, ct);
        if (reading.Ca is null)
        {
            await _events.RecordAsync(target, reading.Type, reading.Reason, reading.Message, ct);
            return ReconcileResult.Done;
        }

        try
        {
            await InjectAsync(target, reading.Ca, source, ct);
        }
        catch (KubernetesApiException e) when (e.IsInvalid && e.Status.Details?.Causes is { Count: > 0 })
        {
            // Validation of the object itself (a failed `test` guard has no causes and just retries): say so, then back off.
            await _events.RecordAsync(target, EventType.Warning, "InjectionRejected", $"the API server refused the injected caBundle: {e.Status.Message}", ct);
            return ReconcileResult.Error(e.Message);
        }

        return ReconcileResult.Done;
    }

    private async Task<CaReading> ReadCaAsync(CaSource source, CancellationToken ct)
    {
        var reference = source.Reference.GetValueOrDefault();
        switch (source.Kind)
        {
            case CaSourceKind.ApiServer:
                return CaReading.FromApiServer(_apiServerCa.Pem);
            case CaSourceKind.Secret:
                var direct = await _client.TryGetAsync<Secret>(reference.Namespace, reference.Name, ct);
                return CaReading.FromSecret(reference, direct?.Metadata.Annotations.OrEmpty(), direct?.Data.OrEmpty(), direct is not null);
            default:
                if (_certificates.Store.Find(reference) is not { } certificate)
                {
                    return CaReading.MissingCertificate(reference);
                }

                var secretName = certificate.Spec.SecretName;
                var issued = await _client.TryGetAsync<Secret>(reference.Namespace, secretName, ct);
                return CaReading.FromCertificateSecret(reference, secretName, issued?.Metadata.Annotations.OrEmpty(), issued?.Data.OrEmpty(), issued is not null);
        }
    }

    private async Task InjectAsync(T target, byte[] ca, CaSource source, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var operations = new List<JsonPatchOperation>();
        foreach (var field in _kind.Fields(target))
        {
            var merged = CaBundleMerge.Merge(field.Current, ca, now);
            if (field.Current is null || !merged.AsSpan().SequenceEqual(field.Current))
            {
                operations.AddRange(field.Write(merged));
            }
        }

        if (operations.Count == 0)
        {
            return;
        }

        await _client.PatchAsync<T>(target.Metadata.NamespaceProperty, target.Metadata.Name!, Patch.Json(operations), ct);
        LogInjected(_logger, _kind.Name, target.Metadata.Name, source.Annotation);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Injected CA into {Kind} {Name} from annotation {Annotation}")]
    private static partial void LogInjected(ILogger logger, string kind, string? name, string? annotation);
}
