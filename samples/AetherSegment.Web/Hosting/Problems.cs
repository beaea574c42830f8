using Microsoft.AspNetCore.Mvc;

namespace AetherSegment.Web.Hosting;

/// <summary>Builds the RFC 7807 problem details every error of the API answers with.</summary>
internal static class Problems
{
    /// <summary>A 400 problem naming the offending field in <c>field</c> and <c>errors</c>.</summary>
    public static ProblemDetails BadInput(string? field, string detail)
    {
        ProblemDetails problem = new()
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid input",
            Detail = detail,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };
        string name = string.IsNullOrEmpty(field) ? "body" : field;
        problem.Extensions["field"] = name;
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [name] = [detail] };
        return problem;
    }

    /// <summary>A problem with a status, title and detail.</summary>
    public static ProblemDetails Create(int status, string title, string detail) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
    };

    /// <summary>Turns a System.Text.Json path (<c>$.new_filters.clv_min</c>) into the field name users see (<c>new_filters.clv_min</c>).</summary>
    public static string? FieldFromJsonPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }
}
