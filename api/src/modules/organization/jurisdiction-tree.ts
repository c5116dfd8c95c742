import type { DataSource } from 'typeorm';
import { groupBy } from '../../common/loaders';
import { Jurisdiction } from './jurisdiction.entity';

export type JurisdictionNode = Pick<Jurisdiction, 'id' | 'parentId' | 'level'>;

/**
 * The whole 行政区划 tree in one query (a few hundred rows at most), for questions about everything
 * under an area: `subtree(id)` is the area and all areas below it.
 */
export async function loadJurisdictionTree(ds: DataSource): Promise<{ subtree(id: number): JurisdictionNode[] }> {
  const nodes: JurisdictionNode[] = await ds.getRepository(Jurisdiction).find({ select: { id: true, parentId: true, level: true } });
  const children = groupBy(
    nodes.map((j) => j.id),
    nodes,
    (j) => j.parentId ?? 0,
  );
  const childrenOf = new Map(nodes.map((j, k) => [j.id, children[k]]));
  const byId = new Map(nodes.map((j) => [j.id, j]));
  const subtree = (id: number): JurisdictionNode[] => {
    const self = byId.get(id);
    return self ? [self, ...(childrenOf.get(id) ?? []).flatMap((c) => subtree(c.id))] : [];
  };
  return { subtree };
}
