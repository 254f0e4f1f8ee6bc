package dev.layerstudio.inspect;

import java.util.List;

/**
 * An installed distribution, read from its {@code *.dist-info} (or {@code *.egg-info}) folder.
 *
 * @param root      the folder it is installed into, with a trailing slash ({@code python/})
 * @param metaDir   its metadata folder, without a trailing slash
 * @param topLevel  names from {@code top_level.txt}
 * @param files     layer paths listed in {@code RECORD}, normalised; empty when unread
 * @param wheelTags {@code Tag:} lines of {@code WHEEL}
 */
record Distribution(String name, String version, String root, String metaDir, List<String> topLevel,
                    List<String> files, List<String> wheelTags) {
}
