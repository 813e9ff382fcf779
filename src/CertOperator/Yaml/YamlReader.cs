using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CertOperator.Yaml;

/// <summary>
/// YAML text → JSON trees through YamlDotNet's event parser (no reflection, so Native AOT safe).
/// Plain scalars are typed as in the YAML 1.2 core schema (null, bool, int, float); quoted, literal
/// and folded scalars stay strings, as does anything tagged <c>!!str</c>. An alias reads as a copy of its anchor.
/// </summary>
internal static partial class YamlReader
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>Every document of a (multi-document) stream; an empty document reads as null.</summary>
    public static IReadOnlyList<JsonNode?> ReadDocuments(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        var documents = new List<JsonNode?>();
        while (parser.TryConsume<DocumentStart>(out _))
        {
            documents.Add(ReadNode(parser, []));
            parser.Consume<DocumentEnd>();
        }

        parser.Consume<StreamEnd>();
        return documents;
    }

    private static JsonNode? ReadNode(IParser parser, Dictionary<AnchorName, JsonNode?> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors.TryGetValue(alias.Value, out var anchored)
                ? anchored?.DeepClone()
                : throw new YamlException(alias.Start, alias.End, $"Alias *{alias.Value} has no anchor before it.");
        }

        var start = parser.Current as NodeEvent
            ?? throw new YamlException(parser.Current!.Start, parser.Current.End, $"Unexpected {parser.Current}.");
        var node = start switch
        {
            Scalar scalar => (JsonNode?)ReadScalar(parser, scalar),
            MappingStart => ReadMapping(parser, anchors),
            _ => ReadSequence(parser, anchors),
        };
        if (!start.Anchor.IsEmpty)
        {
            anchors[start.Anchor] = node;
        }

        return node;
    }

    private static JsonObject ReadMapping(IParser parser, Dictionary<AnchorName, JsonNode?> anchors)
    {
        parser.Consume<MappingStart>();
        var map = new JsonObject();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = parser.Current as Scalar
                ?? throw new YamlException(parser.Current!.Start, parser.Current.End, "Only scalar mapping keys are supported.");
            parser.MoveNext();
            map[key.Value] = ReadNode(parser, anchors);
        }

        return map;
    }

    private static JsonArray ReadSequence(IParser parser, Dictionary<AnchorName, JsonNode?> anchors)
    {
        parser.Consume<SequenceStart>();
        var list = new JsonArray();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            list.Add(ReadNode(parser, anchors));
        }

        return list;
    }

    private static JsonValue? ReadScalar(IParser parser, Scalar scalar)
    {
        parser.MoveNext();
        var text = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain || IsStringTag(scalar.Tag))
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when DecimalInteger().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            _ when DecimalInteger().IsMatch(text) && ulong.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var large) => JsonValue.Create(large),
            _ when text.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) && hex >= 0 => JsonValue.Create(hex),
            _ when Octal().IsMatch(text) => JsonValue.Create(Convert.ToInt64(text[2..], 8)),
            _ when Float().IsMatch(text) => JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(text),
        };
    }

    private static bool IsStringTag(TagName tag) => !tag.IsEmpty && !tag.IsNonSpecific && tag.Value == StringTag;

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    /// <summary>At most 21 digits, so the value fits in a long.</summary>
    [GeneratedRegex("^0o[0-7]{1,21}$")]
    private static partial Regex Octal();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
