package dev.kurz.llm.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Writes a tiny Qwen2-architecture model in the layout Jlama reads (config.json, model.safetensors,
 * tokenizer.json, tokenizer_config.json): random F32 weights, two layers, a byte-level vocabulary of
 * 256 single-character tokens plus the ChatML specials. It answers gibberish, fast.
 */
public final class TinyModel {
  static final int HIDDEN = 64;
  static final int INTERMEDIATE = 128;
  static final int HEADS = 4;
  static final int KV_HEADS = 2;
  static final int LAYERS = 2;
  static final int BYTES = 256;
  static final int ENDOFTEXT = BYTES;
  static final int IM_START = BYTES + 1;
  static final int IM_END = BYTES + 2;
  static final int VOCAB = BYTES + 3;

  private static final ObjectMapper JSON = new ObjectMapper();

  private TinyModel() {}

  /** Writes the model into {@code dir} (created) and returns it. */
  public static Path write(Path dir, long seed) throws IOException {
    Files.createDirectories(dir);
    writeConfig(dir.resolve("config.json"));
    writeTokenizer(dir.resolve("tokenizer.json"));
    writeTokenizerConfig(dir.resolve("tokenizer_config.json"));
    writeWeights(dir.resolve("model.safetensors"), new Random(seed));
    return dir;
  }

  private static void writeConfig(Path file) throws IOException {
    ObjectNode c = JSON.createObjectNode();
    c.putArray("architectures").add("Qwen2ForCausalLM");
    c.put("model_type", "qwen2");
    c.put("hidden_size", HIDDEN);
    c.put("intermediate_size", INTERMEDIATE);
    c.put("num_attention_heads", HEADS);
    c.put("num_key_value_heads", KV_HEADS);
    c.put("num_hidden_layers", LAYERS);
    c.put("max_position_embeddings", 16384);
    c.put("rms_norm_eps", 1e-6);
    c.put("vocab_size", VOCAB);
    c.put("bos_token_id", ENDOFTEXT);
    c.put("eos_token_id", IM_END);
    c.put("hidden_act", "silu");
    c.put("rope_theta", 10000.0);
    c.put("tie_word_embeddings", true);
    c.put("torch_dtype", "float32");
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), c);
  }

  private static void writeTokenizer(Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "1.0");
    ArrayNode added = root.putArray("added_tokens");
    addSpecial(added, ENDOFTEXT, "<|endoftext|>");
    addSpecial(added, IM_START, "<|im_start|>");
    addSpecial(added, IM_END, "<|im_end|>");
    ObjectNode pre = root.putObject("pre_tokenizer");
    pre.put("type", "Sequence");
    ObjectNode byteLevel = pre.putArray("pretokenizers").addObject();
    byteLevel.put("type", "ByteLevel");
    byteLevel.put("add_prefix_space", false);
    byteLevel.put("trim_offsets", false);
    byteLevel.put("use_regex", false);
    ObjectNode model = root.putObject("model");
    model.put("type", "BPE");
    model.putNull("unk_token");
    model.put("byte_fallback", false);
    ObjectNode vocab = model.putObject("vocab");
    byteLevelAlphabet().forEach(vocab::put);
    model.putArray("merges");
    JSON.writeValue(file.toFile(), root);
  }

  private static void addSpecial(ArrayNode added, int id, String content) {
    ObjectNode t = added.addObject();
    t.put("id", id);
    t.put("content", content);
    t.put("special", true);
  }

  /** GPT-2's byte-to-character table: the 256 single-character tokens of a byte-level BPE. */
  private static Map<String, Integer> byteLevelAlphabet() {
    Map<String, Integer> vocab = new LinkedHashMap<>();
    int shifted = 0;
    for (int b = 0; b < BYTES; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      int codePoint = printable ? b : 256 + shifted++;
      vocab.put(Character.toString(codePoint), b);
    }
    return vocab;
  }

  private static void writeTokenizerConfig(Path file) throws IOException {
    ObjectNode c = JSON.createObjectNode();
    c.put("eos_token", "<|im_end|>");
    c.put("chat_template", "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n'"
        + " + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}"
        + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}");
    JSON.writeValue(file.toFile(), c);
  }

  private static void writeWeights(Path file, Random random) throws IOException {
    int headDim = HIDDEN / HEADS;
    int kvDim = KV_HEADS * headDim;
    Map<String, int[]> shapes = new LinkedHashMap<>();
    shapes.put("model.embed_tokens.weight", new int[] {VOCAB, HIDDEN});
    for (int i = 0; i < LAYERS; i++) {
      String p = "model.layers." + i + ".";
      shapes.put(p + "input_layernorm.weight", new int[] {HIDDEN});
      shapes.put(p + "post_attention_layernorm.weight", new int[] {HIDDEN});
      shapes.put(p + "self_attn.q_proj.weight", new int[] {HIDDEN, HIDDEN});
      shapes.put(p + "self_attn.q_proj.bias", new int[] {HIDDEN});
      shapes.put(p + "self_attn.k_proj.weight", new int[] {kvDim, HIDDEN});
      shapes.put(p + "self_attn.k_proj.bias", new int[] {kvDim});
      shapes.put(p + "self_attn.v_proj.weight", new int[] {kvDim, HIDDEN});
      shapes.put(p + "self_attn.v_proj.bias", new int[] {kvDim});
      shapes.put(p + "self_attn.o_proj.weight", new int[] {HIDDEN, HIDDEN});
      shapes.put(p + "mlp.gate_proj.weight", new int[] {INTERMEDIATE, HIDDEN});
      shapes.put(p + "mlp.up_proj.weight", new int[] {INTERMEDIATE, HIDDEN});
      shapes.put(p + "mlp.down_proj.weight", new int[] {HIDDEN, INTERMEDIATE});
    }
    shapes.put("model.norm.weight", new int[] {HIDDEN});

    ObjectNode header = JSON.createObjectNode();
    header.putObject("__metadata__").put("format", "pt");
    long offset = 0;
    for (Map.Entry<String, int[]> e : shapes.entrySet()) {
      long bytes = 4L * count(e.getValue());
      ObjectNode t = header.putObject(e.getKey());
      t.put("dtype", "F32");
      ArrayNode shape = t.putArray("shape");
      for (int d : e.getValue()) shape.add(d);
      t.putArray("data_offsets").add(offset).add(offset + bytes);
      offset += bytes;
    }
    byte[] headerBytes = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(headerBytes.length).array());
      out.write(headerBytes);
      for (Map.Entry<String, int[]> e : shapes.entrySet()) {
        boolean norm = e.getKey().endsWith("norm.weight");
        ByteBuffer data = ByteBuffer.allocate(4 * count(e.getValue())).order(ByteOrder.LITTLE_ENDIAN);
        while (data.hasRemaining()) data.putFloat(norm ? 1f : (float) (random.nextGaussian() * 0.2));
        out.write(data.array());
      }
    }
  }

  private static int count(int[] shape) {
    int n = 1;
    for (int d : shape) n *= d;
    return n;
  }
}
