package dev.kurz.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Realistic wire fixtures for each provider that speaks through OkHttp. */
final class ProviderCases {
  private ProviderCases() {}

  static final ProviderCase OPENAI = new ProviderCase("openai", "/v1", "/v1/chat/completions",
      r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + ProviderCase.KEY),
      """
      {"id":"chatcmpl-9x","object":"chat.completion","created":1760000000,"model":"gpt-4.1-mini-2025-04-14",
       "choices":[{"index":0,"message":{"role":"assistant","content":"%s","refusal":null},
       "logprobs":null,"finish_reason":"stop"}],
       "usage":{"prompt_tokens":812,"completion_tokens":95,"total_tokens":907},
       "system_fingerprint":"fp_1"}
      """.formatted(ProviderCase.ANSWER),
      """
      {"error":{"message":"This model's maximum context length is 128000 tokens. However, your messages resulted in 130412 tokens. Please reduce the length of the messages.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}
      """);

  static final ProviderCase OLLAMA = new ProviderCase("ollama", "", "/api/chat",
      r -> assertThat(r.getHeaders().get("Authorization")).isNull(),
      """
      {"model":"llama3.1","created_at":"2025-10-09T10:00:00.000Z",
       "message":{"role":"assistant","content":"%s"},
       "done_reason":"stop","done":true,"total_duration":5000000000,"load_duration":1000000,
       "prompt_eval_count":812,"prompt_eval_duration":100000,"eval_count":95,"eval_duration":200000}
      """.formatted(ProviderCase.ANSWER),
      """
      {"error":"the input length exceeds the context length"}
      """);

  static final ProviderCase ANTHROPIC = new ProviderCase("anthropic", "/v1", "/v1/messages",
      r -> {
        assertThat(r.getHeaders().get("x-api-key")).isEqualTo(ProviderCase.KEY);
        assertThat(r.getHeaders().get("anthropic-version")).isNotBlank();
      },
      """
      {"id":"msg_01","type":"message","role":"assistant","model":"claude-haiku-4-5-20251001",
       "content":[{"type":"text","text":"%s"}],
       "stop_reason":"end_turn","stop_sequence":null,
       "usage":{"input_tokens":812,"output_tokens":95}}
      """.formatted(ProviderCase.ANSWER),
      """
      {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 212345 tokens > 200000 maximum"}}
      """);

  static final ProviderCase GEMINI = new ProviderCase("gemini", "/v1beta",
      "/v1beta/models/gemini-2.5-flash:generateContent",
      r -> {
        String header = r.getHeaders().get("x-goog-api-key");
        String param = r.getUrl().queryParameter("key");
        assertThat(header != null ? header : param).isEqualTo(ProviderCase.KEY);
      },
      """
      {"candidates":[{"content":{"parts":[{"text":"%s"}],"role":"model"},
        "finishReason":"STOP","index":0}],
       "usageMetadata":{"promptTokenCount":812,"candidatesTokenCount":95,"totalTokenCount":907},
       "modelVersion":"gemini-2.5-flash","responseId":"abc"}
      """.formatted(ProviderCase.ANSWER),
      """
      {"error":{"code":400,"message":"The input token count (1212345) exceeds the maximum number of tokens allowed (1048576).","status":"INVALID_ARGUMENT"}}
      """);

  static final ProviderCase MISTRAL = new ProviderCase("mistral", "/v1", "/v1/chat/completions",
      r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + ProviderCase.KEY),
      """
      {"id":"cmpl-1","object":"chat.completion","created":1760000000,"model":"mistral-small-latest",
       "choices":[{"index":0,"message":{"role":"assistant","content":"%s","tool_calls":null},
       "finish_reason":"stop"}],
       "usage":{"prompt_tokens":812,"completion_tokens":95,"total_tokens":907}}
      """.formatted(ProviderCase.ANSWER),
      """
      {"object":"error","message":"Prompt contains 40000 tokens and 0 draft tokens, too large for model with 32768 maximum context length","type":"invalid_request_message_error","param":null,"code":"3051"}
      """);

  static List<ProviderCase> all() {
    return List.of(OPENAI, OLLAMA, ANTHROPIC, GEMINI, MISTRAL);
  }
}
