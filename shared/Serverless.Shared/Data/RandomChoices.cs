namespace Serverless.Shared.Data;

/// <summary>Weighted and uniform choices on a seeded <see cref="Random"/>, using integer draws only.</summary>
internal static class RandomChoices
{
    /// <summary>Returns true with a probability of <paramref name="perMille"/> thousandths.</summary>
    public static bool Chance(this Random random, int perMille) => random.Next(1000) < perMille;

    /// <summary>Returns a uniformly chosen entry.</summary>
    public static T PickFrom<T>(this Random random, IReadOnlyList<T> entries) => entries[random.Next(entries.Count)];

    /// <summary>Returns the index of a choice weighted by <paramref name="weights"/>.</summary>
    public static int Pick(this Random random, IReadOnlyList<int> weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    /// <summary>Returns a uniformly chosen day from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public static DateOnly Date(this Random random, DateOnly first, DateOnly last) =>
        first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));

    /// <summary>Shuffles a list in place (Fisher-Yates).</summary>
    public static void Shuffle<T>(this Random random, IList<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
