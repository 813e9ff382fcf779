using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;

namespace CertOperator.Metrics;

/// <summary>
/// Writes samples in the Prometheus text format (0.0.4) straight into a response pipe, so a scrape of 10,000
/// Certificates keeps no series between scrapes and builds no label arrays or keys for them. A family's HELP and
/// TYPE lines are written with its first sample: a family without samples is left out, as Go's client does. A
/// family's samples must be written together; starting one again after another is a bug, and throws.
/// </summary>
internal sealed class MetricsText(PipeWriter output)
{
    private const int FlushAfterBytes = 32 * 1024;
    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);
    private string? _family;
    private long _unflushed;
    private bool _firstLabel;

    /// <summary>Starts a sample of the gauge <paramref name="name"/>, announcing the family first if it is new.</summary>
    public MetricsText Gauge(string name, string help)
    {
        if (!string.Equals(_family, name, StringComparison.Ordinal))
        {
            if (!_announced.Add(name))
            {
                throw new InvalidOperationException($"the samples of {name} were not written together");
            }

            _family = name;
            Write("# HELP ");
            Write(name);
            Write(" ");
            Escaped(help, label: false);
            Write("\n# TYPE ");
            Write(name);
            Write(" gauge\n");
        }

        Write(name);
        _firstLabel = true;
        return this;
    }

    public MetricsText Label(string name, string value)
    {
        Write(_firstLabel ? "{" : ",");
        _firstLabel = false;
        Write(name);
        Write("=\"");
        Escaped(value, label: true);
        Write("\"");
        return this;
    }

    /// <summary>Ends the sample with its value.</summary>
    public void Value(double value)
    {
        Write(_firstLabel ? " " : "} ");
        Span<char> digits = stackalloc char[32];
        var text = double.IsNaN(value) ? "NaN"
            : double.IsPositiveInfinity(value) ? "+Inf"
            : double.IsNegativeInfinity(value) ? "-Inf"
            : null;
        if (text is not null)
        {
            Write(text);
        }
        else if (value == Math.Floor(value) && Math.Abs(value) < 1e15 && ((long)value).TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture))
        {
            Write(digits[..written]);
        }
        else if (value.TryFormat(digits, out written, "R", CultureInfo.InvariantCulture))
        {
            Write(digits[..written]);
        }

        Write("\n");
    }

    /// <summary>Hands what is written so far to the connection once enough has gathered.</summary>
    public async ValueTask FlushIfFullAsync(CancellationToken ct)
    {
        if (_unflushed >= FlushAfterBytes)
        {
            _unflushed = 0;
            await output.FlushAsync(ct);
        }
    }

    private void Escaped(string value, bool label)
    {
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var escape = value[i] switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '"' when label => "\\\"",
                _ => null,
            };
            if (escape is not null)
            {
                Write(value.AsSpan(start, i - start));
                Write(escape);
                start = i + 1;
            }
        }

        Write(value.AsSpan(start));
    }

    private void Write(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var written = Encoding.UTF8.GetBytes(text, span);
        output.Advance(written);
        _unflushed += written;
    }
}
