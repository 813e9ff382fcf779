using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace CertOperator.Generation;

/// <summary>
/// Writes a generated manifest tree as YAML: keys come pre-sorted, strings that would read back
/// as another type are quoted, and lines are never folded so diffs stay one line per field.
/// </summary>
internal static class CrdYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .DisableAliases()
        .WithQuotingNecessaryStrings()
        .Build();

    public static string Serialize(object document)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024));
        Serializer.Serialize(emitter, document);
        return writer.ToString();
    }
}
