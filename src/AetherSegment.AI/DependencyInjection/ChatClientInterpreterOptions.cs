namespace AetherSegment.AI;

/// <summary>Settings of the interpreter over any Microsoft.Extensions.AI <c>IChatClient</c> (OpenAI, Azure OpenAI, Ollama, a local model).</summary>
public sealed class ChatClientInterpreterOptions
{
    /// <summary>The interpreter's short name written to <c>interpreter</c> (for example <c>chat</c>, <c>openai</c>, <c>ollama</c>).</summary>
    /// <value>The default value is <c>chat</c>.</value>
    public string Name { get; set; } = "chat";

    /// <summary>The model id passed in <c>ChatOptions.ModelId</c>; null lets the client choose.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ModelId { get; set; }

    /// <summary>The timeout of one request.</summary>
    /// <value>The default value is 20 seconds.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>On timeout, error or an answer that fails validation, answer with the rule-based interpreter and say so in warnings.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool FallbackToRules { get; set; } = true;

    /// <summary>How many model answers are kept for identical objectives (same profile); 0 turns the cache off.</summary>
    /// <value>The default value is 256.</value>
    public int CacheSize { get; set; } = 256;
}
