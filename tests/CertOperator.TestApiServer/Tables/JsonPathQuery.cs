using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CertOperator.TestApiServer.Tables;

/// <summary>
/// The JSONPath subset printer columns use: <c>.a.b</c>, <c>['a.b']</c>, <c>[0]</c>, <c>[*]</c> and
/// filters like <c>[?(@.type=="Ready")]</c> with ==, != or bare existence.
/// </summary>
internal sealed class JsonPathQuery
{
    private readonly List<Func<JsonNode?, IEnumerable<JsonNode?>>> _steps;

    private JsonPathQuery(List<Func<JsonNode?, IEnumerable<JsonNode?>>> steps) => _steps = steps;

    public static JsonPathQuery Parse(string expression)
    {
        var text = expression.Trim();
        if (text.StartsWith('{') && text.EndsWith('}'))
        {
            text = text[1..^1];
        }

        text = text.TrimStart('$');
        var steps = new List<Func<JsonNode?, IEnumerable<JsonNode?>>>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var end = i + 1;
                while (end < text.Length && text[end] is not '.' and not '[')
                {
                    end++;
                }

                var name = text[(i + 1)..end];
                if (name.Length > 0)
                {
                    steps.Add(Field(name));
                }

                i = end;
            }
            else if (text[i] == '[')
            {
                var end = FindClose(text, i);
                steps.Add(Bracket(text[(i + 1)..end]));
                i = end + 1;
            }
            else
            {
                throw new FormatException($"unexpected '{text[i]}' in JSONPath {expression}");
            }
        }

        return new JsonPathQuery(steps);
    }

    public IReadOnlyList<JsonNode?> Evaluate(JsonNode? root)
    {
        IEnumerable<JsonNode?> current = [root];
        foreach (var step in _steps)
        {
            current = current.SelectMany(step).ToList();
        }

        return current.ToList();
    }

    private static Func<JsonNode?, IEnumerable<JsonNode?>> Field(string name) =>
        node => node is JsonObject o && o.TryGetPropertyValue(name, out var v) ? [v] : [];

    private static Func<JsonNode?, IEnumerable<JsonNode?>> Bracket(string inner)
    {
        inner = inner.Trim();
        if (inner == "*")
        {
            return node => node switch { JsonArray a => a, JsonObject o => o.Select(p => p.Value), _ => [] };
        }

        if (inner.StartsWith("?(", StringComparison.Ordinal) && inner.EndsWith(')'))
        {
            var filter = Filter(inner[2..^1]);
            return node => node is JsonArray a ? a.Where(filter) : [];
        }

        if (inner.Length > 1 && inner[0] is '\'' or '"')
        {
            return Field(inner[1..^1]);
        }

        var index = int.Parse(inner, CultureInfo.InvariantCulture);
        return node => node is JsonArray a && (index < 0 ? a.Count + index : index) is var at && at >= 0 && at < a.Count ? [a[at]] : [];
    }

    private static Func<JsonNode?, bool> Filter(string expression)
    {
        var op = expression.Contains("==", StringComparison.Ordinal) ? "==" : expression.Contains("!=", StringComparison.Ordinal) ? "!=" : null;
        var left = Parse((op is null ? expression : expression.Split(op, 2)[0]).Trim().TrimStart('@'));
        if (op is null)
        {
            return item => left.Evaluate(item).Count > 0;
        }

        var literal = Literal(expression.Split(op, 2)[1].Trim());
        return item =>
        {
            var equal = left.Evaluate(item).Any(v => JsonNode.DeepEquals(v, literal) || v?.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == literal?.ToString());
            return op == "==" ? equal : !equal;
        };
    }

    private static JsonNode? Literal(string text) =>
        text.Length > 1 && text[0] is '\'' or '"' ? JsonValue.Create(text[1..^1]) : JsonNode.Parse(text);

    private static int FindClose(string text, int open)
    {
        var depth = 0;
        var quote = '\0';
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '[' || c == '(')
            {
                depth++;
            }
            else if ((c == ']' || c == ')') && --depth == 0)
            {
                return i;
            }
        }

        throw new FormatException($"unclosed bracket in JSONPath {text}");
    }
}
