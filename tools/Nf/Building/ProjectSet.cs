// A throw-away solution file listing exactly the projects one command needs, so that MSBuild
// restores and builds them all in one invocation, in parallel, sharing common references.
using System.Xml.Linq;

namespace Nf.Building;

public static class ProjectSet
{
    /// <summary>Writes an .slnx at <paramref name="path"/> holding <paramref name="projects"/>; returns its path.</summary>
    public static string Write(string path, IEnumerable<string> projects)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var solution = new XElement("Solution",
            projects.Distinct(StringComparer.Ordinal).Select(p =>
                new XElement("Project", new XAttribute("Path", Path.GetRelativePath(folder, p).Replace('\\', '/')))));
        string text = solution.ToString() + "\n";
        // Leave an unchanged file alone, so MSBuild's up-to-date checks keep working.
        if (!File.Exists(path) || File.ReadAllText(path) != text)
            File.WriteAllText(path, text);
        return path;
    }
}
