import { useState } from 'react';
import { Alert, Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { documentServiceNeed, documentServiceNeedLabels, type DocumentView } from '../../../../electron/core/contract';
import { call } from '../../api';
import { useCan } from '../../shell/session';
import { DesktopPath, useDataDir } from './DesktopPath';
import { beijingTime, documentFileUrl, errorText, formatSize, isDesktop, isServed, serviceMethodLabels, startDownload } from './files';
import { variantLabel } from './labels';

/** Where a generated document lies in the data folder: <data>/documents/<caseId>/<file> (desktop shows paths). */
export function documentPath(dataDir: string, doc: Pick<DocumentView, 'caseId' | 'fileName'>): string {
  const sep = dataDir.includes('\\') ? '\\' : '/';
  return [dataDir, 'documents', String(doc.caseId), doc.fileName].join(sep);
}

/**
 * 下载 docx and 导出 PDF for one document; in Electron the paths instead of downloads. `blanks`: what
 * is still left to fill in (e.g. "＿＿＿" in the 庭审笔录) — asked about before it goes to print.
 */
export function DocumentFileActions({ doc, blanks = [] }: { doc: DocumentView; blanks?: string[] }) {
  const desktop = isDesktop();
  const dataDir = useDataDir();
  const [pdfBusy, setPdfBusy] = useState(false);
  const [pdfError, setPdfError] = useState<string | null>(null);
  const [pdfPath, setPdfPath] = useState<string | null>(null);
  const [asking, setAsking] = useState<null | 'pdf' | 'docx'>(null);
  const [confirmed, setConfirmed] = useState(false);
  const needsAsk = blanks.length > 0 && !confirmed;
  // the files carry personal data in full: the same access as exporting a PDF (observers read the list only)
  const mayDownload = useCan()('documents.exportPdf');
  if (!mayDownload) return null;

  const exportPdf = async () => {
    if (needsAsk) {
      setAsking('pdf');
      return;
    }
    await exportPdfConfirmed();
  };

  const exportPdfConfirmed = async () => {
    setPdfBusy(true);
    setPdfError(null);
    try {
      const pdf = await call('documents.exportPdf', { documentId: doc.id });
      if (desktop) setPdfPath(pdf.path);
      else startDownload(documentFileUrl(doc.id, 'pdf'), pdf.fileName);
    } catch (e) {
      setPdfError(errorText(e));
    } finally {
      setPdfBusy(false);
    }
  };

  return (
    <Stack gap={4}>
      <Group gap={6} wrap="nowrap">
        {desktop ? null : (
          <Button
            component="a"
            href={documentFileUrl(doc.id, 'docx')}
            download={doc.fileName}
            size="compact-sm"
            variant="light"
            onClick={(e: React.MouseEvent) => {
              if (!needsAsk) return;
              e.preventDefault();
              setAsking('docx');
            }}
            data-testid={`doc-download-${doc.id}`}
          >
            下载 docx
          </Button>
        )}
        <Button size="compact-sm" variant="default" onClick={exportPdf} loading={pdfBusy} data-testid={`doc-pdf-${doc.id}`}>
          导出 PDF
        </Button>
      </Group>
      {asking && (
        <Alert color="orange" p="xs" data-testid={`doc-blanks-${doc.id}`}>
          <Text size="xs" fw={500}>
            打印前请核对：
          </Text>
          {blanks.map((b, i) => (
            <Text key={i} size="xs">
              · {b}
            </Text>
          ))}
          <Group gap={6} mt={4}>
            <Button
              size="compact-xs"
              color="orange"
              onClick={() => {
                const what = asking;
                setConfirmed(true);
                setAsking(null);
                if (what === 'pdf') void exportPdfConfirmed();
                else startDownload(documentFileUrl(doc.id, 'docx'), doc.fileName);
              }}
              data-testid={`doc-blanks-go-${doc.id}`}
            >
              仍要{asking === 'pdf' ? '导出' : '下载'}
            </Button>
            <Button size="compact-xs" variant="default" onClick={() => setAsking(null)}>
              返回填写
            </Button>
          </Group>
        </Alert>
      )}
      {desktop && dataDir && <DesktopPath path={documentPath(dataDir, doc)} testId={`doc-path-${doc.id}`} />}
      {pdfPath && <DesktopPath path={pdfPath} />}
      {pdfError && (
        <Alert color="orange" p="xs" data-testid={`doc-pdf-error-${doc.id}`} withCloseButton onClose={() => setPdfError(null)}>
          <Text size="xs">{pdfError}</Text>
        </Alert>
      )}
    </Stack>
  );
}

/** A document not served on the parties (internal form, the receipt itself, a letter to an authority) with no service recorded. */
const notForParties = (doc: DocumentView) => documentServiceNeed[doc.kind] !== 'parties' && doc.services.length === 0;

/** 已送达 / 未送达, with each recorded service on hover; 内部文书 / 无需送达 for what is not served. */
export function ServiceStatus({ doc }: { doc: DocumentView }) {
  const need = documentServiceNeed[doc.kind];
  if (need !== 'parties' && notForParties(doc)) {
    const { label, hint } = documentServiceNeedLabels[need];
    return (
      <Tooltip label={hint}>
        <Badge color="gray" variant="light" data-testid={`doc-served-${doc.id}`} data-service-need={need}>
          {label}
        </Badge>
      </Tooltip>
    );
  }
  const served = isServed(doc);
  const lines = doc.services.map((s) => `${s.recipient} · ${serviceMethodLabels[s.method]} · ${s.servedOn ?? '未签收'}`);
  const badge = (
    <Badge color={served ? 'green' : 'gray'} variant={served ? 'light' : 'outline'} data-testid={`doc-served-${doc.id}`}>
      {served ? `已送达${doc.services.length > 1 ? ` ${doc.services.filter((s) => s.servedOn).length}/${doc.services.length}` : ''}` : '未送达'}
    </Badge>
  );
  return lines.length ? (
    <Tooltip label={<Stack gap={0}>{lines.map((l, i) => <span key={i}>{l}</span>)}</Stack>} multiline>
      {badge}
    </Tooltip>
  ) : (
    badge
  );
}

/** One generated document: version, when, size, service, and its file actions. */
export function DocumentRow({ doc, latest, onServe, blanks }: { doc: DocumentView; latest: boolean; onServe: (doc: DocumentView) => void; blanks?: string[] }) {
  const can = useCan();
  return (
    <Table.Tr data-testid={`doc-row-${doc.id}`} style={latest ? undefined : { opacity: 0.75 }}>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Badge variant={latest ? 'filled' : 'outline'} color={latest ? 'blue' : 'gray'} size="sm">
            v{doc.version}
          </Badge>
          <div>
            <Text size="sm" fw={latest ? 500 : 400}>
              {doc.title}
            </Text>
            {variantLabel(doc.variant, doc.title) && (
              <Text size="xs" c="dimmed">
                {variantLabel(doc.variant, doc.title)}
              </Text>
            )}
          </div>
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{beijingTime(doc.generatedAt)}</Text>
        <Text size="xs" c="dimmed">
          {formatSize(doc.size)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <ServiceStatus doc={doc} />
          {can('documents.recordService') && !notForParties(doc) && (
            <Button size="compact-xs" variant="subtle" onClick={() => onServe(doc)} data-testid={`doc-serve-${doc.id}`}>
              送达
            </Button>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <DocumentFileActions doc={doc} blanks={latest ? blanks : undefined} />
      </Table.Td>
    </Table.Tr>
  );
}
