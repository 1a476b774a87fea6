/** Search, campaigns and clusters over comments; the only module that talks to Elasticsearch. */
@org.springframework.modulith.ApplicationModule(displayName = "Analysis")
package org.kaimen.analysis;
