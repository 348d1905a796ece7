using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics.X86;
using System.Text;

namespace Serverless.Shared.Draws;

/// <summary>
/// Selection of RFC 3797: selection j (from 0) takes <c>ValueAt(key, j) mod remaining</c> as the position
/// among the candidates not yet selected, kept in their original order.
/// </summary>
public static class Rfc3797Selector
{
    /// <summary>Largest number of selections from one key, one per two-byte index.</summary>
    public const int MaxCount = Rfc3797.MaxIndex + 1;

    // Up to this many selections, walking the sorted list of chosen positions beats building the bitset.
    private const int SortedListMaxCount = 64;

    // Words of 64 presence bits per counted block of the bitset (1,024 candidates), and blocks per group.
    private const int WordsPerBlock = 16;
    private const int BlocksPerGroup = 32;

    /// <summary>
    /// Selects <paramref name="count"/> of <paramref name="candidateCount"/> candidates and returns their 0-based
    /// positions in selection order. Gives the same output as <see cref="SelectLiteral"/> in O(n / 64 + count (n / 32,768 + 48)).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or too large.</exception>
    public static IReadOnlyList<int> Select(string key, int candidateCount, int count)
    {
        Validate(key, candidateCount, count);
        return count <= SortedListMaxCount
            ? SelectWithSortedList(key, candidateCount, count)
            : SelectWithBlockedBitset(key, candidateCount, count);
    }

    /// <summary>
    /// Selects like <see cref="Select"/> by the literal procedure of the RFC: a list of the remaining candidates
    /// from which each selection is removed. It takes O(count n) time and is the reference for tests.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or too large.</exception>
    public static IReadOnlyList<int> SelectLiteral(string key, int candidateCount, int count)
    {
        Validate(key, candidateCount, count);
        var remaining = new List<int>(candidateCount);
        for (var i = 0; i < candidateCount; i++)
        {
            remaining.Add(i);
        }

        var selected = new int[count];
        using var hasher = new IndexHasher(key);
        for (var j = 0; j < count; j++)
        {
            var position = hasher.PositionAt(j, remaining.Count);
            selected[j] = remaining[position];
            remaining.RemoveAt(position);
        }

        return selected;
    }

    /// <summary>Walks the ascending chosen positions for each pick: O(count²), no O(n) memory.</summary>
    internal static int[] SelectWithSortedList(string key, int candidateCount, int count)
    {
        Validate(key, candidateCount, count);
        var selected = new int[count];
        var chosen = new int[count];
        using var hasher = new IndexHasher(key);
        for (var j = 0; j < count; j++)
        {
            // Start at the rank and step past every chosen position at or before the position found so far.
            var original = hasher.PositionAt(j, candidateCount - j);
            var insertAt = 0;
            while (insertAt < j && chosen[insertAt] <= original)
            {
                original++;
                insertAt++;
            }

            Array.Copy(chosen, insertAt, chosen, insertAt + 1, j - insertAt);
            chosen[insertAt] = original;
            selected[j] = original;
        }

        return selected;
    }

    /// <summary>
    /// Keeps one presence bit per candidate, a count of remaining candidates per block of 1,024 and per group
    /// of 32 blocks, and finds each pick by summing group counts, block counts, then word population counts.
    /// Everything it touches per pick is small and read in order. The MD5 values depend only on the key and
    /// the index, so they are computed in parallel first.
    /// </summary>
    internal static int[] SelectWithBlockedBitset(string key, int candidateCount, int count)
    {
        Validate(key, candidateCount, count);
        var selected = new int[count];
        if (count == 0)
        {
            return selected;
        }

        var values = ComputeValues(key, count);
        var wordCount = (candidateCount + 63) / 64;
        var blockCount = (wordCount + WordsPerBlock - 1) / WordsPerBlock;
        var groupCount = (blockCount + BlocksPerGroup - 1) / BlocksPerGroup;
        var words = ArrayPool<ulong>.Shared.Rent(wordCount);
        var blocks = ArrayPool<int>.Shared.Rent(blockCount);
        var groups = ArrayPool<int>.Shared.Rent(groupCount);
        try
        {
            Array.Fill(words, ulong.MaxValue, 0, wordCount);
            if (candidateCount % 64 != 0)
            {
                words[wordCount - 1] = (1UL << (candidateCount % 64)) - 1;
            }

            const int blockSize = WordsPerBlock * 64;
            for (var block = 0; block < blockCount; block++)
            {
                blocks[block] = Math.Min(blockSize, candidateCount - (block * blockSize));
            }

            const int groupSize = BlocksPerGroup * blockSize;
            for (var group = 0; group < groupCount; group++)
            {
                groups[group] = Math.Min(groupSize, candidateCount - (group * groupSize));
            }

            for (var j = 0; j < count; j++)
            {
                var rank = (int)(values[j] % (uint)(candidateCount - j));
                selected[j] = FindAndRemove(words, blocks, groups, rank);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(words);
            ArrayPool<int>.Shared.Return(blocks);
            ArrayPool<int>.Shared.Return(groups);
        }

        return selected;
    }

    /// <summary>Computes <c>ValueAt(key, j)</c> for every index below <paramref name="count"/>, in parallel chunks.</summary>
    private static UInt128[] ComputeValues(string key, int count)
    {
        const int chunk = 4096;
        var values = new UInt128[count];
        Parallel.For(0, (count + chunk - 1) / chunk, part =>
        {
            using var hasher = new IndexHasher(key);
            var end = Math.Min(count, (part + 1) * chunk);
            for (var j = part * chunk; j < end; j++)
            {
                values[j] = hasher.ValueAt(j);
            }
        });
        return values;
    }

    /// <summary>Returns the 0-based position of the remaining candidate of 0-based rank and clears its bit.</summary>
    private static int FindAndRemove(ulong[] words, int[] blocks, int[] groups, int rank)
    {
        var group = 0;
        while (rank >= groups[group])
        {
            rank -= groups[group];
            group++;
        }

        var block = group * BlocksPerGroup;
        while (rank >= blocks[block])
        {
            rank -= blocks[block];
            block++;
        }

        var word = block * WordsPerBlock;
        while (true)
        {
            var present = BitOperations.PopCount(words[word]);
            if (rank < present)
            {
                break;
            }

            rank -= present;
            word++;
        }

        var bit = NthSetBit(words[word], rank);
        words[word] &= ~(1UL << bit);
        blocks[block]--;
        groups[group]--;
        return (word * 64) + bit;
    }

    /// <summary>Returns the position of the set bit of 0-based rank <paramref name="rank"/> in <paramref name="bits"/>.</summary>
    private static int NthSetBit(ulong bits, int rank)
    {
        if (Bmi2.X64.IsSupported)
        {
            // Depositing a single 1 at the rank-th set position of the mask leaves just that bit set.
            return BitOperations.TrailingZeroCount(Bmi2.X64.ParallelBitDeposit(1UL << rank, bits));
        }

        for (var skipped = 0; skipped < rank; skipped++)
        {
            bits &= bits - 1;
        }

        return BitOperations.TrailingZeroCount(bits);
    }

    private static void Validate(string key, int candidateCount, int count)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(candidateCount);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > candidateCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(count), count, $"Cannot select {count} of {candidateCount} candidates.");
        }

        if (count > MaxCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(count), count, "One RFC 3797 key gives at most 65,536 selections, one per two-byte index.");
        }
    }

    /// <summary>Reuses one buffer holding the bracketed key for every index of a selection.</summary>
    private sealed class IndexHasher : IDisposable
    {
        private readonly byte[] buffer;
        private readonly int length;

        public IndexHasher(string key)
        {
            buffer = ArrayPool<byte>.Shared.Rent(Encoding.ASCII.GetByteCount(key) + 4);
            length = Rfc3797.WriteKeyBytes(key, buffer);
        }

        public UInt128 ValueAt(int index) => Rfc3797.ValueAt(buffer.AsSpan(0, length), index);

        public int PositionAt(int index, int remaining) => (int)(ValueAt(index) % (uint)remaining);

        public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
    }
}
