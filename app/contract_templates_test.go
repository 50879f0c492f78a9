package app

func init() {
	contractPairs["TemplateFolder"] = TemplateFolderDTO{}
	contractPairs["TemplateVariant"] = TemplateVariantDTO{}
	contractPairs["Template"] = TemplateDTO{}
	contractPairs["TemplateInput"] = TemplateInput{}
	contractPairs["TemplateListQuery"] = TemplateListQuery{}
	contractPairs["TemplateProblem"] = TemplateProblemDTO{}
	contractPairs["TemplateRenderRequest"] = TemplateRenderRequest{}
	contractPairs["TemplatePreviewRequest"] = TemplatePreviewRequest{}
	contractPairs["TemplateRenderResult"] = TemplateRenderResult{}
	contractPairs["TemplateOptions"] = TemplateOptionsDTO{}
}
