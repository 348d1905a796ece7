using System.Security.Cryptography;
using Serverless.Shared.Draws;

namespace Serverless.Shared.Tests.Draws;

public sealed class Md5DigestTests
{
    [Fact]
    public void Hash_EveryLengthTo300_MatchesPlatformMd5()
    {
        // Lengths 0 to 299 cover one and two padding blocks, the 55/56 and 63/64 byte edges and several full blocks.
        var random = new Random(3797);
        for (var length = 0; length < 300; length++)
        {
            var message = new byte[length];
            random.NextBytes(message);
            var digest = new byte[16];

            Md5Digest.Hash(message, digest);

#pragma warning disable CA5351 // The platform's MD5 is the reference the managed one is checked against.
            Assert.Equal(Convert.ToHexString(MD5.HashData(message)), Convert.ToHexString(digest));
#pragma warning restore CA5351
        }
    }

    [Fact]
    public void Hash_Rfc1321Suite_MatchesPublishedDigests()
    {
        // Test suite of RFC 1321 appendix A.5.
        (string Message, string Digest)[] suite =
        [
            ("", "D41D8CD98F00B204E9800998ECF8427E"),
            ("a", "0CC175B9C0F1B6A831C399E269772661"),
            ("abc", "900150983CD24FB0D6963F7D28E17F72"),
            ("message digest", "F96B697D7CB7938D525A2F31AAF161D0"),
            ("abcdefghijklmnopqrstuvwxyz", "C3FCD3D76192E4007DFB496CCA67E13B"),
        ];
        foreach (var (message, expected) in suite)
        {
            var digest = new byte[16];

            Md5Digest.Hash(System.Text.Encoding.ASCII.GetBytes(message), digest);

            Assert.Equal(expected, Convert.ToHexString(digest));
        }
    }

    [Fact]
    public void Hash_ShortDigestBuffer_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Md5Digest.Hash([1, 2, 3], new byte[15]));

        Assert.Equal("digest", error.ParamName);
    }
}
