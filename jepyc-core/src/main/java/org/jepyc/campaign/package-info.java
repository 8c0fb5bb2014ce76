/**
 * Engine: what identifies and describes a campaign's runs. Stable point hashes
 * ({@link org.jepyc.campaign.PointHash}), the best state each point has reached
 * ({@link org.jepyc.campaign.PointStates}), per-run seeds ({@link org.jepyc.campaign.Seeds}) and
 * the provenance a run records ({@link org.jepyc.campaign.Provenance}). Used by labs, the cluster,
 * the command line and the dashboard; not exported to users.
 */
package org.jepyc.campaign;
