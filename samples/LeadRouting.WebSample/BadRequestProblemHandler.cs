using Microsoft.AspNetCore.Diagnostics;

namespace LeadRouting.WebSample;

/// <summary>
/// Answers a request whose body cannot be read as a lead (malformed JSON, text where a number belongs, no body) with
/// 400 and a problem-details message saying what is wrong, instead of a bare "Bad Request" or a 500.
/// </summary>
internal sealed class BadRequestProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = "The request body is not a valid lead.",
                Detail = bad.InnerException?.Message ?? bad.Message,
            },
        });
    }
}
