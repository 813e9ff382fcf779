using System.Globalization;
using CertOperator.Memory;
using Xunit;

namespace CertOperator.Tests.Memory;

/// <summary>Only mappings holding nothing but clean pages of an existing file are dropped; their pages come back on the next touch.</summary>
public sealed class MappedFilePagesTests
{
    [Theory]
    [InlineData("r-xp", "/usr/bin/certoperator", 0, true, "the executable's code")]
    [InlineData("r--p", "/usr/lib/x86_64-linux-gnu/libssl.so.3", 0, true, "a library's read-only data")]
    [InlineData("r--p", "/usr/bin/certoperator", 8, false, "relocated read-only data: its copied pages are not the file's")]
    [InlineData("rw-p", "/usr/bin/certoperator", 0, false, "writable data")]
    [InlineData("r--s", "/dev/shm/shared", 0, false, "a shared mapping")]
    [InlineData("r-xp", "/memfd:doublemapper (deleted)", 0, false, "a deleted file")]
    [InlineData("r--p", "[vdso]", 0, false, "no file")]
    [InlineData("rw-p", "", 0, false, "anonymous memory")]
    public void A_mapping_is_released_only_when_it_is_a_clean_copy_of_a_file(string permissions, string path, int anonymousKb, bool released, string what)
    {
        var smaps = Entry("7f0000000000", "7f0000004000", permissions, path, rssKb: 12, anonymousKb);

        var ranges = MappedFilePages.Releasable(smaps);

        if (released)
        {
            ranges.Should().Equal([new MappedFilePages.Range(0x7f0000000000, 0x4000, 12 * 1024)], what);
        }
        else
        {
            ranges.Should().BeEmpty(what);
        }
    }

    [Fact]
    public void Mappings_with_nothing_resident_or_without_an_anonymous_count_are_left_alone()
    {
        var smaps = string.Concat(
            Entry("1000", "3000", "r-xp", "/bin/a", rssKb: 0, anonymousKb: 0),
            "4000-5000 r-xp 00000000 fe:00 2 /bin/b\nRss: 4 kB\n",
            Entry("6000", "8000", "r--p", "/bin/c", rssKb: 8, anonymousKb: 0));

        MappedFilePages.Releasable(smaps).Should().Equal([new MappedFilePages.Range(0x6000, 0x2000, 8 * 1024)]);
    }

    [Fact]
    public void This_process_keeps_running_on_the_code_whose_pages_it_dropped()
    {
        var before = ResidentOfReleasable();
        before.Should().BeGreaterThan(0, "a .NET test process maps its assemblies and the runtime's libraries");

        var released = new ResidentFilePages().Release();

        released.Should().BeGreaterThan(before / 2);
        ResidentOfReleasable().Should().BeLessThan(before, "the pages went; what is back was touched since");
        string.Join(",", Enumerable.Range(0, 1000).Select(i => i.ToString(CultureInfo.InvariantCulture))).Length.Should().Be(3889);
    }

    [Theory]
    [InlineData("/proc/self/mem", "reading a process's memory file from offset 0 fails with an I/O error")]
    [InlineData("/proc/self", "a directory")]
    [InlineData("/proc/self/no-such-file", "a missing file")]
    public void A_smaps_that_cannot_be_read_releases_nothing_and_does_not_throw(string path, string what)
    {
        new ResidentFilePages(path).Release().Should().Be(0, what);
    }

    private static long ResidentOfReleasable() => MappedFilePages.Releasable(File.ReadAllText("/proc/self/smaps")).Sum(r => r.ResidentBytes);

    private static string Entry(string start, string end, string permissions, string path, int rssKb, int anonymousKb) =>
        $"{start}-{end} {permissions} 00000000 fe:00 247270                     {path}\n"
        + $"Size:                 16 kB\nRss:                  {rssKb} kB\nPss:                  {rssKb} kB\n"
        + $"Anonymous:            {anonymousKb} kB\nVmFlags: rd mr mw me \n";
}
