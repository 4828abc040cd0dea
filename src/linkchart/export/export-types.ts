export type ExportFormat = 'GRAPHML' | 'GEXF' | 'I2_CSV' | 'JSON';

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
}
