using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Probation.Standards.Extensions.Tests;

/// <summary>
/// IProbationRater in an ASP.NET Core app, hosted in memory on TestServer. TestServer, like Kestrel, disallows
/// synchronous IO on the request body (AllowSynchronousIO is false by default), so an endpoint that rates the
/// posted body with <see cref="IProbationRater.RateAsync"/> proves the asynchronous path reads only asynchronously.
/// </summary>
public sealed class AspNetCoreTests : IAsyncDisposable
{
    private WebApplication? app;
    private HttpClient? client;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        builder.Services.AddProbationStandards();
        this.app = builder.Build();

        // The endpoint an application would write: rate the body, or answer 400 listing every problem.
        this.app.MapPost("/rate", async (HttpRequest request, IProbationRater rater, CancellationToken cancellationToken) =>
        {
            try
            {
                var result = await rater.RateAsync(request.Body, "request", cancellationToken);
                return Results.Ok(new RatingResponse(result.Score, result.MaxScore, result.Overall.ToString()));
            }
            catch (InvalidInputException ex)
            {
                return Results.Problem(
                    title: "invalid findings document",
                    statusCode: StatusCodes.Status400BadRequest,
                    extensions: new Dictionary<string, object?> { ["problems"] = ex.MessageLines() });
            }
        });

        // The synchronous read on the same body, to show the server really refuses synchronous IO.
        this.app.MapPost("/rate-sync", (HttpRequest request, IProbationRater rater) =>
        {
            try
            {
                var result = rater.Rate(request.Body, "request");
                return Results.Ok(new RatingResponse(result.Score, result.MaxScore, result.Overall.ToString()));
            }
            catch (InvalidOperationException ex)
            {
                return Results.Text(ex.Message, statusCode: StatusCodes.Status500InternalServerError);
            }
        });

        await this.app.StartAsync();
        this.client = this.app.GetTestClient();
    }

    [OneTimeTearDown]
    public async Task StopApp() => await this.DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        this.client?.Dispose();
        this.client = null;
        if (this.app is not null)
        {
            await this.app.StopAsync();
            await this.app.DisposeAsync();
            this.app = null;
        }
    }

    [Test]
    public async Task The_posted_seed_rates_3_of_21_Inadequate_read_asynchronously()
    {
        using var response = await this.Post("/rate", await File.ReadAllBytesAsync(Files.Seed("nottinghamshire-pdu-2025.json")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var rating = await response.Content.ReadFromJsonAsync<RatingResponse>();
        rating.ShouldBe(new RatingResponse(3, 21, "Inadequate"));
    }

    [Test]
    public async Task The_posted_case_level_seed_rates_too()
    {
        // A larger body than the first: many reads of the request stream, every one asynchronous.
        using var response = await this.Post("/rate", await File.ReadAllBytesAsync(Files.Seed("nottinghamshire-pdu-2025-cases.json")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var rating = await response.Content.ReadFromJsonAsync<RatingResponse>();
        rating.ShouldNotBeNull().MaxScore.ShouldBe(21);
    }

    [Test]
    public async Task A_bad_document_is_a_400_listing_every_problem()
    {
        var seed = await File.ReadAllTextAsync(Files.Seed("nottinghamshire-pdu-2025.json"));
        var bad = seed.Replace("\"P2.1.1\": 55", "\"P2.1.1\": 140", StringComparison.Ordinal)
                      .Replace("\"unit\":", "\"unknownKey\": 1, \"unit\":", StringComparison.Ordinal);
        bad.ShouldNotBe(seed, "the seed has the text the test changes");
        bad.ShouldContain("140");
        bad.ShouldContain("unknownKey");

        using var response = await this.Post("/rate", Encoding.UTF8.GetBytes(bad));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(400);
        var problems = problem.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        problems.Count.ShouldBe(2, string.Join(Environment.NewLine, problems));
        problems.ShouldContain(p => p.StartsWith("request: ", StringComparison.Ordinal) && p.Contains("$.keyQuestions['P2.1.1']", StringComparison.Ordinal) && p.Contains("percentage 140 is outside 0-100", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains("unknownKey", StringComparison.Ordinal));
    }

    [Test]
    public async Task Not_JSON_is_a_400_too()
    {
        using var response = await this.Post("/rate", Encoding.UTF8.GetBytes("{ not json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("problems").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Test]
    public async Task The_server_refuses_synchronous_reads_of_the_body_so_the_async_test_means_something()
    {
        using var response = await this.Post("/rate-sync", await File.ReadAllBytesAsync(Files.Seed("nottinghamshire-pdu-2025.json")));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Synchronous operations are disallowed");
    }

    private async Task<HttpResponseMessage> Post(string path, byte[] body)
    {
        // A stream content without a known length, as a client streaming a large document would send it.
        var content = new StreamContent(new MemoryStream(body, writable: false));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return await this.client!.PostAsync(path, content);
    }

    /// <summary>What the endpoint answers.</summary>
    public sealed record RatingResponse(int Score, int MaxScore, string Overall);
}
