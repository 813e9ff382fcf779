using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s.Models;

namespace CertOperator.Kubernetes.Serialization;

/// <summary>
/// The same source-generated contracts, except that metadata.managedFields is skipped while reading instead of being
/// built and then dropped. Informers use them for kinds whose cached copies never read managedFields: the entries are
/// half of a metadata-only list's bytes and most of its parse time (10,000 Secrets: 4.8 MB, of which 2.4 MB
/// managedFields), because each entry's fieldsV1 becomes its own JSON document.
/// </summary>
internal static class WithoutManagedFields
{
    private const string ManagedFields = "managedFields";
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> Skipping = new();

    /// <summary>The contract of <typeparamref name="T"/> from <paramref name="contract"/>'s own context, without managedFields.</summary>
    public static JsonTypeInfo<T> Of<T>(JsonTypeInfo<T> contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return Skipping.GetValue(contract.Options, Derive).GetTypeInfo<T>();
    }

    private static JsonSerializerOptions Derive(JsonSerializerOptions options)
    {
        var derived = new JsonSerializerOptions(options)
        {
            TypeInfoResolver = (options.TypeInfoResolver ?? throw new InvalidOperationException("a source-generated contract has a resolver"))
                .WithAddedModifier(SkipManagedFields),
        };
        derived.MakeReadOnly(); // read-only options cache each contract they resolve
        return derived;
    }

    private static void SkipManagedFields(JsonTypeInfo type)
    {
        if (type.Type != typeof(V1ObjectMeta))
        {
            return;
        }

        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i].Name == ManagedFields)
            {
                type.Properties.RemoveAt(i);
            }
        }
    }
}
