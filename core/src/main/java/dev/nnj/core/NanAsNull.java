package dev.nnj.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * A Jackson module for figures that may be "not measured": writes a NaN {@code double} as JSON
 * {@code null} (JSON has no NaN, and Jackson's default, the string {@code "NaN"}, puts a string
 * where readers expect a number) and reads {@code null} back as NaN. The string {@code "NaN"},
 * as files written before this module hold it, still reads as NaN.
 *
 * <p>Used for training histories ({@link History#writeJson}) and the command line's JSON lines,
 * where NaN marks a figure the run did not monitor ({@link EpochResult}).
 */
public final class NanAsNull extends SimpleModule {

  /** The module, for {@code ObjectMapper.registerModule}. */
  public NanAsNull() {
    super("nnj-nan-as-null");
    StdSerializer<Double> writer = new StdSerializer<>(Double.class) {
      @Override
      public void serialize(Double value, JsonGenerator json, SerializerProvider provider)
          throws IOException {
        if (value.isNaN()) {
          json.writeNull();
        } else {
          json.writeNumber(value);
        }
      }
    };
    addSerializer(Double.class, writer);
    addSerializer(Double.TYPE, writer);
    JsonDeserializer<Double> reader = new JsonDeserializer<>() {
      private final JsonDeserializer<Double> number =
          new NumberDeserializers.DoubleDeserializer(Double.class, Double.NaN);

      @Override
      public Double deserialize(JsonParser json, DeserializationContext context)
          throws IOException {
        return number.deserialize(json, context);
      }

      @Override
      public Double getNullValue(DeserializationContext context) {
        return Double.NaN;
      }
    };
    addDeserializer(Double.class, reader);
    addDeserializer(Double.TYPE, reader);
  }
}
