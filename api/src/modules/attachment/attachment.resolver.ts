import { Arg, Authorized, type ClassType, Ctx, FieldResolver, ID, Mutation, Resolver, Root, registerEnumType } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createReadResolver } from '../../common/crud.resolver';
import { toId } from '../../common/errors';
import { ListSize } from '../../common/query-limits';
import { FACT_KEEPERS } from '../../common/roles';
import { attachables } from './attachable';
import { Attachment } from './attachment.entity';
import { AttachmentFilter } from './attachment.inputs';
import { attachmentsOf, MAX_PER_RECORD } from './attachment.service';
import type { AttachmentKind as Kind } from './sniff';

export enum AttachmentKind {
  IMAGE = 'IMAGE',
  PDF = 'PDF',
  OFFICE = 'OFFICE',
}
registerEnumType(AttachmentKind, {
  name: 'AttachmentKind',
  description: 'What an attachment is, read from its content',
  valuesConfig: {
    IMAGE: { description: 'A photo (JPEG, PNG, WebP, GIF): shown as a thumbnail' },
    PDF: { description: 'A PDF (a scan)' },
    OFFICE: { description: 'A Word, Excel or PowerPoint document' },
  },
});

const kindOf = (mimeType: string): Kind => (mimeType.startsWith('image/') ? 'IMAGE' : mimeType === 'application/pdf' ? 'PDF' : 'OFFICE');

@Resolver(() => Attachment)
@Authorized()
export class AttachmentResolver extends createReadResolver({ type: Attachment, name: 'Attachment', plural: 'Attachments', filter: AttachmentFilter, service: (ctx) => ctx.services.attachment }) {
  // who may remove it is the service's question: whoever may change the record; unit staff only what they uploaded
  @Authorized(...FACT_KEEPERS)
  @Mutation(() => Attachment, { description: 'Removes an attachment (and its file, when nothing else names the same bytes); returns it as it was' })
  deleteAttachment(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext) {
    return ctx.services.attachment.remove(toId(id), ctx);
  }

  @FieldResolver(() => AttachmentKind)
  kind(@Root() a: Attachment): Kind {
    return kindOf(a.mimeType);
  }

  @FieldResolver(() => String, { description: 'Where the file is downloaded: GET with the same Authorization header (add ?download=1 to save it rather than open it)' })
  url(@Root() a: Attachment): string {
    return `/files/${a.id}`;
  }
}

const made = new Map<string, Function>();

/** `attachments` and `attachmentNames` on a type files may be attached to (one resolver per type, made once). */
function fieldsOn(name: string, entity: Function): Function {
  const known = made.get(name);
  if (known) return known;
  @Resolver(() => entity as ClassType)
  @Authorized()
  class AttachableResolver {
    @ListSize(MAX_PER_RECORD)
    @FieldResolver(() => [Attachment], { description: `附件: the files attached to it, oldest first (at most ${MAX_PER_RECORD})` })
    attachments(@Root() r: { id: number }, @Ctx() ctx: AppContext): Promise<Attachment[]> {
      return attachmentsOf(ctx.loaders, name).load(r.id);
    }

    @FieldResolver(() => [String], { description: 'The names of the files attached to it (as exports list them)' })
    async attachmentNames(@Root() r: { id: number }, @Ctx() ctx: AppContext): Promise<string[]> {
      return (await attachmentsOf(ctx.loaders, name).load(r.id)).map((a) => a.fileName);
    }
  }
  Object.defineProperty(AttachableResolver, 'name', { value: `${name}AttachmentsResolver` });
  made.set(name, AttachableResolver);
  return AttachableResolver;
}

/** The resolvers of the module: the attachment's own, and the fields of every attachable type registered by now. */
export const attachmentResolvers = (): Function[] => [AttachmentResolver, ...attachables().map((a) => fieldsOn(a.name, a.entity))];
