using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CertOperator.Yaml;

/// <summary>
/// JSON tree → YAML text through YamlDotNet's emitter (no reflection, so Native AOT safe): block style,
/// keys in the tree's order, lines never folded, "\n" line ends. The scalar events are those YamlDotNet's
/// serializer emitted for the same values, so manifests it wrote before come out byte for byte the same.
/// </summary>
internal static partial class YamlWriter
{
    private static readonly EmitterSettings Settings = new(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, newLine: "\n");
    private static readonly TagName StringTag = new("tag:yaml.org,2002:str");
    private static readonly TagName IntegerTag = new("tag:yaml.org,2002:int");
    private static readonly TagName FloatTag = new("tag:yaml.org,2002:float");
    private static readonly TagName BooleanTag = new("tag:yaml.org,2002:bool");
    private static readonly TagName NullTag = new("tag:yaml.org,2002:null");

    /// <param name="document">The document; null writes an empty (null) document.</param>
    /// <param name="quoteAmbiguousStrings">
    /// Double-quote strings a YAML reader would take for something else (<c>"true"</c>, <c>"42"</c>, <c>"null"</c>, <c>""</c>);
    /// without it the emitter only quotes what plain style cannot hold, so <c>""</c> becomes <c>''</c>.
    /// </param>
    public static string Write(JsonNode? document, bool quoteAmbiguousStrings)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, Settings);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        WriteNode(emitter, document, quoteAmbiguousStrings);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void WriteNode(Emitter emitter, JsonNode? node, bool quote)
    {
        switch (node)
        {
            case JsonObject map:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Any));
                foreach (var (key, value) in map)
                {
                    WriteString(emitter, key, quote);
                    WriteNode(emitter, value, quote);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray list:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Any));
                foreach (var item in list)
                {
                    WriteNode(emitter, item, quote);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value:
                WriteValue(emitter, value, quote);
                break;
            default:
                emitter.Emit(Plain(NullTag, ""));
                break;
        }
    }

    private static void WriteValue(Emitter emitter, JsonValue value, bool quote)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(emitter, value.GetValue<string>(), quote);
                break;
            case JsonValueKind.Number:
                var number = value.ToJsonString();
                emitter.Emit(Plain(IsInteger(number) ? IntegerTag : FloatTag, number));
                break;
            case JsonValueKind.True or JsonValueKind.False:
                emitter.Emit(Plain(BooleanTag, value.GetValueKind() == JsonValueKind.True ? "true" : "false"));
                break;
            default:
                emitter.Emit(Plain(NullTag, ""));
                break;
        }
    }

    private static void WriteString(Emitter emitter, string text, bool quote)
    {
        var style = quote && (string.IsNullOrWhiteSpace(text) || Ambiguous().IsMatch(text)) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;
        emitter.Emit(new Scalar(AnchorName.Empty, StringTag, text, style, isPlainImplicit: true, isQuotedImplicit: false));
    }

    private static Scalar Plain(TagName tag, string text) =>
        new(AnchorName.Empty, tag, text, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false);

    private static bool IsInteger(string number) => !number.AsSpan().ContainsAny('.', 'e', 'E');

    /// <summary>What YAML 1.2 reads as null, a boolean or a number, or what starts with white space.</summary>
    [GeneratedRegex(@"^(null|Null|NULL|\~|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?(\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|\s.*)$")]
    private static partial Regex Ambiguous();
}
