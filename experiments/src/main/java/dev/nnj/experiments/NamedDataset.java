package dev.nnj.experiments;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nnj.datasets.Dataset;
import java.io.IOException;
import java.util.Objects;

/**
 * The dataset of an experiment: the name it is bound under, and the dataset itself when it is
 * configured otherwise than the bound one. In JSON either the bare name, {@code "mnist"}, or the
 * name with the parameters it changes, {@code {"type": "csv", "dir": "data/iris"}}; every
 * parameter left out takes the bound dataset's value, as for every other part.
 *
 * <p>The name stays the identity: it names the default data directory
 * ({@code ~/.cache/nnj/NAME}) and is what a spec writes back when the dataset is the bound one.
 * A dataset held in memory ({@code InMemoryDataset}) takes no parameters and is written by name.
 *
 * <p>Only {@link Registry#jsonMapper()} reads and writes it — a plain mapper is refused with a
 * message saying so — so an {@link ExperimentSpec} cannot leave nnj with class names in it.
 *
 * @param name the registry name
 * @param configured the dataset with its parameters, or null for the one bound under {@code name}
 */
@JsonSerialize(using = NamedDataset.Writer.class)
@JsonDeserialize(using = NamedDataset.Reader.class)
public record NamedDataset(String name, Dataset configured) {

  /** Requires a name that is not blank. */
  public NamedDataset {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a dataset name must not be blank");
    }
  }

  /** The dataset bound under {@code name}, as it is bound. */
  public static NamedDataset of(String name) {
    return new NamedDataset(name, null);
  }

  /** The dataset to load: the configured one, or the one {@code registry} binds under the name. */
  public Dataset resolve(Registry registry) {
    Dataset bound = registry.dataset(name); // an unknown name is refused even when configured
    return configured == null ? bound : configured;
  }

  @Override
  public String toString() {
    return configured == null ? name : name + " " + configured;
  }

  private static Registry registry(Object attribute, String doing) {
    if (attribute instanceof Registry registry) {
      return registry;
    }
    throw new IllegalStateException("cannot " + doing + " an experiment's dataset with a plain "
        + "Jackson mapper, which knows no registry names; use Registry.jsonMapper()");
  }

  /** Writes the bare name, or the name with the fields of a configured dataset. */
  static final class Writer extends JsonSerializer<NamedDataset> {
    @Override
    public void serialize(NamedDataset dataset, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      Registry registry = registry(provider.getAttribute(Registry.class), "write");
      Dataset bound = registry.dataset(dataset.name());
      if (dataset.configured() == null || dataset.configured().equals(bound)) {
        json.writeString(dataset.name());
        return;
      }
      ObjectNode fields = registry.plainMapper().valueToTree(dataset.configured());
      ObjectNode written = registry.plainMapper().createObjectNode().put("type", dataset.name());
      written.setAll(fields);
      NamedDataset back = registry.readDataset(written);
      if (!dataset.equals(back)) {
        throw JsonMappingException.from(json, "cannot write dataset '" + dataset.name() + "' "
            + dataset.configured() + ": it would read back as " + back
            + "; bind it under a name of its own and name that");
      }
      json.writeTree(written);
    }
  }

  /** Reads {@code "name"} or {@code {"type": "name", …}}, refusing names nothing bound. */
  static final class Reader extends JsonDeserializer<NamedDataset> {
    @Override
    public NamedDataset deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      Registry registry = registry(context.getAttribute(Registry.class), "read");
      JsonNode given = parser.readValueAsTree();
      try {
        return registry.readDataset(given);
      } catch (IllegalArgumentException refused) {
        throw JsonMappingException.from(parser, refused.getMessage(), refused);
      }
    }
  }
}
