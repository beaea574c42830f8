// Usage: dotnet run -c Release --project benchmarks/interpreter-ab -- <base build folder> <new build folder> objectives16.txt <rounds>
// Each folder holds an AetherSegment.Core.dll and its dependencies (for example a benchmarks bin/Release/net10.0).
using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

// Interleaved A/B: the rule-based interpreter of two builds loaded side by side in one process, timed in alternating
// batches so both see the same machine load; the per-round ratio new/base is the figure.
string[] dirs = [args[0], args[1]];
string[] names = ["base", "new"];
string[] objectives = File.ReadAllLines(args[2]);
int rounds = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
Func<string, object>[] interpret = new Func<string, object>[2];
for (int v = 0; v < 2; v++)
{
    string dir = dirs[v];
    AssemblyLoadContext alc = new FolderContext(dir, names[v]);
    Assembly core = alc.LoadFromAssemblyPath(Path.Combine(dir, "AetherSegment.Core.dll"));
    Type type = core.GetType("AetherSegment.Interpretation.Rules.RuleBasedCampaignInterpreter", throwOnError: true)!;
    ConstructorInfo[] ctors = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
    object instance;
    if (ctors.SingleOrDefault(c => c.GetParameters() is [{ ParameterType.Name: "AetherSegmentOptions" }]) is { } old)
    {
        instance = old.Invoke([null]);
    }
    else
    {
        // Since issue 12 the interpreter takes the business profile: the demo profile from that build's Synthetic.
        Assembly synthetic = alc.LoadFromAssemblyPath(Path.Combine(dir, "AetherSegment.Synthetic.dll"));
        object profile = synthetic.GetType("AetherSegment.Synthetic.Profiles.HomeFurnishingProfile", throwOnError: true)!
            .GetMethod("Load")!.Invoke(null, null)!;
        instance = ctors.Single(c => c.GetParameters() is [{ ParameterType.Name: "BusinessProfile" }, { ParameterType.Name: "AetherSegmentOptions" }])
            .Invoke([profile, null]);
    }

    MethodInfo method = type.GetMethod("Interpret", [typeof(string)])!;
    interpret[v] = (Func<string, object>)Delegate.CreateDelegate(typeof(Func<string, object>), instance, method);
}

for (int v = 0; v < 2; v++)
{
    for (int i = 0; i < 20000; i++)
    {
        interpret[v](objectives[i % objectives.Length]);
    }
}

int batch = 200;
List<double>[] times = [[], []];
List<double> ratios = [];
for (int r = 0; r < rounds; r++)
{
    double[] t = new double[2];
    int first = r % 2;
    for (int k = 0; k < 2; k++)
    {
        int v = (first + k) % 2;
        long start = Stopwatch.GetTimestamp();
        for (int b = 0; b < batch; b++)
        {
            foreach (string objective in objectives)
            {
                interpret[v](objective);
            }
        }

        t[v] = Stopwatch.GetElapsedTime(start).TotalMicroseconds * 1000 / (batch * objectives.Length);
        times[v].Add(t[v]);
    }

    ratios.Add(t[1] / t[0]);
}

static double Pct(List<double> xs, double p)
{
    List<double> s = [.. xs.Order()];
    return s[(int)Math.Round(p * (s.Count - 1))];
}

for (int v = 0; v < 2; v++)
{
    Console.WriteLine($"{names[v]}: ns/objective min {Pct(times[v], 0):F0} p25 {Pct(times[v], 0.25):F0} median {Pct(times[v], 0.5):F0} p75 {Pct(times[v], 0.75):F0}");
}

Console.WriteLine($"ratio new/base per round: p25 {Pct(ratios, 0.25):F3} median {Pct(ratios, 0.5):F3} p75 {Pct(ratios, 0.75):F3} ({rounds} rounds of {batch} x {objectives.Length} objectives each)");

sealed class FolderContext(string dir, string name) : AssemblyLoadContext(name)
{
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string path = Path.Combine(dir, assemblyName.Name + ".dll");
        return File.Exists(path) && !IsFramework(assemblyName.Name!) ? LoadFromAssemblyPath(path) : null;
    }

    private static bool IsFramework(string n) => n.StartsWith("System.", StringComparison.Ordinal) || n == "netstandard";
}
